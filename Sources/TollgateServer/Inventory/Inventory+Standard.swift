extension Inventory {
    /// The default inventory: the jobs of the vendor's documentation examples, among them the
    /// agent job of the documented toggle example, `78c3919c-54d7-43fe-b047-485d3566f11f`.
    ///
    /// `Resources/standard-inventory.yaml` holds the same inventory in the file format (a test
    /// keeps the two equal); copy it to start your own.
    public static let standard = Inventory(
        checkedBackupServer: BackupServer(id: "d1444f74-27e6-4399-81a9-d28ba98913f0", name: "srv12.tech.local"),
        jobs: [
            InventoryJob(
                id: "5658281f-625e-4627-89dd-d2a0c48be99e", name: "DB Backup", jobType: "Backup", platform: "HyperV",
                description: "Backup of MS SQL Server DB", nextRun: "2020-02-01T17:00:00Z"),
            InventoryJob(
                id: "2851cb88-37b6-46ea-b2c8-47b55270169d", name: "CRM Backup", jobType: "Backup", platform: "VMware",
                description: "Backup of the CRM servers", nextRun: "2020-02-01T18:00:00Z"),
            InventoryJob(
                id: "b04c217b-0538-4650-bec4-19deff4ea1ac", name: "SQL Replication", jobType: "Replica",
                platform: "VMware", description: "Replication of the SQL servers", nextRun: "2020-02-01T19:00:00Z"),
            InventoryJob(
                id: "8acac50d-3711-4c99-bf7b-76fe9c7e39c3", name: "Offsite Copy", jobType: "BackupCopy",
                platform: "VMware", description: "Copy of DB Backup to the offsite repository",
                scheduleConfigured: true, scheduleEnabled: false),
        ],
        agentJobs: [
            InventoryJob(
                id: "78c3919c-54d7-43fe-b047-485d3566f11f", name: "Agent Backup", jobType: "AgentBackup",
                platform: "AgentForWindows", description: "Backup of the Windows file server",
                nextRun: "2020-02-01T20:00:00Z"),
            InventoryJob(
                id: "a6deb158-b26c-4140-8b26-5a3cc344e8ec", name: "Server Backup", jobType: "AgentBackup",
                platform: "AgentForLinux", description: "Backup of the Linux web servers",
                nextRun: "2020-02-01T21:00:00Z"),
        ]
    )
}
