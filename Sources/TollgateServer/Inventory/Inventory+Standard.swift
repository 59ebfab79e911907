extension Inventory {
    /// The default inventory: the jobs of the vendor's documentation examples, among them the
    /// agent job of the documented toggle example, `78c3919c-54d7-43fe-b047-485d3566f11f`, with
    /// three repositories, three backups with restore points, five finished job sessions (a
    /// success, a warning, a failure and its successful retry, an agent run), three discovered
    /// agent computers and two hierarchy roots.
    ///
    /// `Resources/standard-inventory.yaml` holds the same inventory in the file format (a test
    /// keeps the two equal); copy it to start your own.
    public static let standard = Inventory(
        checkedBackupServer: BackupServer(
    id: "d1444f74-27e6-4399-81a9-d28ba98913f0",
    name: "srv12.tech.local",
    description: "Main backup server",
    port: 9392),
        jobs: [
            InventoryJob(
                id: "5658281f-625e-4627-89dd-d2a0c48be99e",
                name: "DB Backup",
                jobType: "Backup",
                platform: "HyperV",
                description: "Backup of MS SQL Server DB",
                scheduleConfigured: true,
                scheduleEnabled: true,
                nextRun: "2020-02-01T17:00:00Z"),
            InventoryJob(
                id: "2851cb88-37b6-46ea-b2c8-47b55270169d",
                name: "CRM Backup",
                jobType: "Backup",
                platform: "VMware",
                description: "Backup of the CRM servers",
                nextRun: "2020-02-01T18:00:00Z"),
            InventoryJob(
                id: "b04c217b-0538-4650-bec4-19deff4ea1ac",
                name: "SQL Replication",
                jobType: "Replica",
                platform: "VMware",
                description: "Replication of the SQL servers",
                nextRun: "2020-02-01T19:00:00Z"),
            InventoryJob(
                id: "8acac50d-3711-4c99-bf7b-76fe9c7e39c3",
                name: "Offsite Copy",
                jobType: "BackupCopy",
                platform: "VMware",
                description: "Copy of DB Backup to the offsite repository",
                scheduleConfigured: true,
                scheduleEnabled: false),
        ],
        agentJobs: [
            InventoryJob(
                id: "78c3919c-54d7-43fe-b047-485d3566f11f",
                name: "Agent Backup",
                jobType: "AgentBackup",
                platform: "AgentForWindows",
                description: "Backup of the Windows file server",
                nextRun: "2020-02-01T20:00:00Z"),
            InventoryJob(
                id: "a6deb158-b26c-4140-8b26-5a3cc344e8ec",
                name: "Server Backup",
                jobType: "AgentBackup",
                platform: "AgentForLinux",
                description: "Backup of the Linux web servers",
                nextRun: "2020-02-01T21:00:00Z"),
        ],
        repositories: [
            InventoryRepository(
                id: "bd2e9775-bd9e-49c3-b1ef-a9fcef2c6632",
                name: "Default Backup Repository",
                kind: "WindowsLocal",
                capacity: 1079639011328,
                freeSpace: 881812750336),
            InventoryRepository(
                id: "8002a7ae-5d34-4ee2-95ef-e3292e31041f",
                name: "Offsite Repository",
                kind: "LinuxLocal",
                capacity: 14010040700928,
                freeSpace: 5440467521536),
            InventoryRepository(
                id: "78a3a024-b444-4a5f-8fc8-d77c96662b8c",
                name: "Object Storage",
                kind: "AmazonS3Compatible",
                capacity: -1,
                freeSpace: -1),
        ],
        backups: [
            InventoryBackup(
                id: "f5fc12c7-e46a-483f-8a95-5a052b723433", name: "DB Backup",
                jobID: "5658281f-625e-4627-89dd-d2a0c48be99e", repositoryID: "bd2e9775-bd9e-49c3-b1ef-a9fcef2c6632",
                platform: "HyperV",
                restorePoints: [
                    InventoryRestorePoint(
                        id: "0235369a-1ef6-431f-ba05-804a8fb9c549", time: "2020-01-30T17:00:12Z",
                        vms: [
                            InventoryVmRestorePoint(
                                id: "0dea2e9c-6493-44fe-ae98-0f3d0df3e356",
                                vmName: "sql01",
                                pointType: "Full",
                                size: 53687091200),
                            InventoryVmRestorePoint(
                                id: "eaf13370-b414-47fb-b727-ae317a85872d",
                                vmName: "sql02",
                                pointType: "Full",
                                size: 85899345920),
                        ]),
                    InventoryRestorePoint(
                        id: "d8fbac78-208f-4ef4-b8ce-44ea86f0312b", time: "2020-01-31T17:00:09Z",
                        vms: [
                            InventoryVmRestorePoint(
                                id: "decca3b1-7135-4c75-9382-35302b5ac8f5",
                                vmName: "sql01",
                                pointType: "Increment",
                                size: 6442450944),
                            InventoryVmRestorePoint(
                                id: "fcec9914-e8d3-4256-97a3-267e497ca7c9",
                                vmName: "sql02",
                                pointType: "Increment",
                                size: 9663676416),
                        ]),
                ]),
            InventoryBackup(
                id: "6fae1de1-8575-4756-939f-76fa0afc2e88", name: "CRM Backup",
                jobID: "2851cb88-37b6-46ea-b2c8-47b55270169d", repositoryID: "bd2e9775-bd9e-49c3-b1ef-a9fcef2c6632",
                platform: "VMware",
                restorePoints: [
                    InventoryRestorePoint(
                        id: "eb4cc141-6723-470f-828b-0dedf2bde5a8", time: "2020-01-31T18:10:05Z",
                        vms: [
                            InventoryVmRestorePoint(
                                id: "ee6b4b76-c5b2-44af-86c3-05cb6a73f23b",
                                vmName: "crm-app01",
                                pointType: "Full",
                                size: 42949672960),
                            InventoryVmRestorePoint(
                                id: "f57843f1-0781-4142-9d0e-8277341a4ef4",
                                vmName: "crm-db01",
                                pointType: "Full",
                                size: 64424509440),
                        ]),
                ]),
            InventoryBackup(
                id: "0f444ee8-bdea-4161-b316-f7134239f1f4", name: "Agent Backup",
                jobID: "78c3919c-54d7-43fe-b047-485d3566f11f", repositoryID: "8002a7ae-5d34-4ee2-95ef-e3292e31041f",
                platform: "AgentForWindows",
                restorePoints: [
                    InventoryRestorePoint(
                        id: "bb5eb66a-f61a-45f0-aa39-9f0cc424668d", time: "2020-01-31T20:00:03Z",
                        vms: [
                            InventoryVmRestorePoint(
                                id: "ae19d8c6-0646-4ef6-910b-43fa288373c4",
                                vmName: "fs01",
                                pointType: "Full",
                                size: 21474836480),
                        ]),
                ]),
        ],
        sessions: [
            InventoryJobSession(
                id: "81bde21b-10c6-4dbb-9858-5e2febcead71",
                jobID: "5658281f-625e-4627-89dd-d2a0c48be99e",
                creationTime: "2020-01-30T17:00:12Z",
                endTime: "2020-01-30T17:21:40Z",
                state: "Stopped",
                result: "Success",
                tasks: [
                    InventoryTaskSession(
                        id: "4c0473a5-1651-42db-ac66-4292ae2a076a",
                        vmName: "sql01",
                        creationTime: "2020-01-30T17:00:31Z",
                        endTime: "2020-01-30T17:14:02Z",
                        result: "Success",
                        totalSize: 53687091200),
                    InventoryTaskSession(
                        id: "14df5bb4-db82-4aef-9148-7fec744021bc",
                        vmName: "sql02",
                        creationTime: "2020-01-30T17:00:33Z",
                        endTime: "2020-01-30T17:21:12Z",
                        result: "Success",
                        totalSize: 85899345920),
                ]),
            InventoryJobSession(
                id: "a39360a7-eb49-43fd-9b0f-2a4f58f87f9a",
                jobID: "5658281f-625e-4627-89dd-d2a0c48be99e",
                creationTime: "2020-01-31T17:00:09Z",
                endTime: "2020-01-31T17:18:02Z",
                state: "Stopped",
                result: "Warning",
                tasks: [
                    InventoryTaskSession(
                        id: "ec873806-567f-43ee-859f-ab6d4028926d",
                        vmName: "sql01",
                        creationTime: "2020-01-31T17:00:27Z",
                        endTime: "2020-01-31T17:09:45Z",
                        result: "Success",
                        totalSize: 53687091200),
                    InventoryTaskSession(
                        id: "3373ed16-0d83-4082-b2a5-9c0b7ca9c8be",
                        vmName: "sql02",
                        creationTime: "2020-01-31T17:00:29Z",
                        endTime: "2020-01-31T17:17:50Z",
                        result: "Warning",
                        reason: "Changed block tracking is disabled",
                        totalSize: 85899345920),
                ]),
            InventoryJobSession(
                id: "cfe6ecf7-6f0e-454a-86a9-cdd0d2030687",
                jobID: "2851cb88-37b6-46ea-b2c8-47b55270169d",
                creationTime: "2020-01-31T18:00:05Z",
                endTime: "2020-01-31T18:02:11Z",
                state: "Stopped",
                result: "Failed",
                failureMessage: "Processing crm-db01 Error: Failed to create VM snapshot",
                tasks: [
                    InventoryTaskSession(
                        id: "a36e99f5-e925-4190-af1e-69d2df8c3b25",
                        vmName: "crm-app01",
                        creationTime: "2020-01-31T18:00:20Z",
                        endTime: "2020-01-31T18:01:58Z",
                        result: "Success",
                        totalSize: 42949672960),
                    InventoryTaskSession(
                        id: "de0ed089-9a06-4d7f-8639-445ea03e062f",
                        vmName: "crm-db01",
                        creationTime: "2020-01-31T18:00:21Z",
                        endTime: "2020-01-31T18:02:03Z",
                        result: "Failed",
                        reason: "Failed to create VM snapshot",
                        totalSize: 0),
                ]),
            InventoryJobSession(
                id: "81f653bf-2898-48dc-8034-346022b169a8",
                jobID: "2851cb88-37b6-46ea-b2c8-47b55270169d",
                creationTime: "2020-01-31T18:10:05Z",
                endTime: "2020-01-31T18:25:33Z",
                state: "Stopped",
                result: "Success",
                isRetry: true,
                tasks: [
                    InventoryTaskSession(
                        id: "87069e9e-78f0-4131-ba8d-bdd6e8defc2b",
                        vmName: "crm-db01",
                        creationTime: "2020-01-31T18:10:19Z",
                        endTime: "2020-01-31T18:25:20Z",
                        result: "Success",
                        totalSize: 64424509440),
                ]),
            InventoryJobSession(
                id: "0f75c726-04a4-4971-8de0-37da15f3bfe3",
                jobID: "78c3919c-54d7-43fe-b047-485d3566f11f",
                creationTime: "2020-01-31T20:00:03Z",
                endTime: "2020-01-31T20:09:45Z",
                state: "Stopped",
                result: "Success",
                tasks: [
                    InventoryTaskSession(
                        id: "5f91747d-24b2-41d2-99ed-0ab35853f86d",
                        vmName: "fs01",
                        creationTime: "2020-01-31T20:00:15Z",
                        endTime: "2020-01-31T20:09:31Z",
                        result: "Success",
                        totalSize: 21474836480),
                ]),
        ],
        discoveredComputers: [
            DiscoveredComputer(
                id: "4e8d6a1e-3a3b-4d5e-9f1a-2b6c7d8e9f01",
                name: "fs01.tech.local",
                hostStatus: "Online",
                agentStatus: "Installed",
                agentVersion: "6.3.0.177",
                osVersion: "Windows Server 2019",
                ipAddress: "172.17.53.21"),
            DiscoveredComputer(
                id: "5a9e7b2f-4b4c-4e6f-8a2b-3c7d8e9f0a12",
                name: "web01.tech.local",
                hostStatus: "Online",
                agentStatus: "Installed",
                agentVersion: "6.1.0.349",
                osVersion: "Ubuntu 22.04",
                ipAddress: "172.17.53.31"),
            DiscoveredComputer(
                id: "6b0f8c3a-5c5d-4f7a-9b3c-4d8e9f0a1b23",
                name: "kiosk07.tech.local",
                hostStatus: "Offline",
                agentStatus: "NotInstalled",
                agentVersion: "",
                osVersion: "Windows 10",
                ipAddress: "172.17.53.77"),
        ],
        hierarchyRoots: [
            HierarchyRoot(id: "3c9a2f4e-8d1b-4e6a-b7c5-2f0e9d8c7b61", name: "vcenter01.tech.local", hostType: "VC"),
            HierarchyRoot(id: "7e4b1d2c-6a5f-4c3e-9b8a-1d0c2e3f4a52", name: "hv01.tech.local", hostType: "HvServer"),
        ]
    )
}
