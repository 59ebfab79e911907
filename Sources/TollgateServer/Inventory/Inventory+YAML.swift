extension Inventory {
    /// Parses an inventory from YAML text; `path` names the file in errors.
    ///
    /// ```yaml
    /// backupServer:                 # optional; default: the standard inventory's server
    ///   id: d1444f74-27e6-4399-81a9-d28ba98913f0
    ///   name: srv12.tech.local
    ///   description: Main backup server   # optional, default ""
    ///   port: 9392                  # optional, default 9392
    ///   version: 12.3.2.4465        # optional, default: the emulated release's build
    /// jobs:                         # /api/jobs
    ///   - id: 5658281f-625e-4627-89dd-d2a0c48be99e
    ///     name: DB Backup
    ///     type: Backup              # Backup | BackupCopy | ImmediateBackupCopy | Replica
    ///     platform: HyperV          # VMware | HyperV | Hyperv | vCloud | CustomPlatform
    ///     description: Backup of MS SQL Server DB   # optional, default ""
    ///     scheduleConfigured: true  # optional, default true
    ///     scheduleEnabled: true     # optional, default true
    ///     nextRun: "2020-02-01T17:00:00Z"           # optional
    /// agentJobs:                    # /api/agents/jobs
    ///   - id: 78c3919c-54d7-43fe-b047-485d3566f11f
    ///     name: Agent Backup
    ///     platform: AgentForWindows # AgentForWindows | AgentForLinux
    ///     type: AgentBackup         # optional, the only agent job type
    /// repositories:                 # /api/repositories; optional
    ///   - id: 2d2d5b3c-0f0a-4c59-9a3e-0d5d8b0e7a11
    ///     name: Default Backup Repository
    ///     kind: WindowsLocal        # WindowsLocal | LinuxLocal | CifsShare | … (README)
    ///     capacity: 1079639011328   # bytes; -1 = unknown
    ///     freeSpace: 881812750336   # bytes; -1 = unknown
    /// backups:                      # /api/backups; optional
    ///   - id: 4c1e1f5e-7c1d-4f62-9a55-3b5f0b8c2e01
    ///     name: DB Backup
    ///     job: 5658281f-625e-4627-89dd-d2a0c48be99e         # a job or agent job above
    ///     repository: 2d2d5b3c-0f0a-4c59-9a3e-0d5d8b0e7a11  # a repository above
    ///     platform: HyperV          # optional, default: the job's platform
    ///     restorePoints:
    ///       - id: 7a0c…             # GUID
    ///         time: "2020-01-31T17:00:12Z"                  # UTC
    ///         vms:
    ///           - { id: 9b1d…, name: sql01, type: Full, size: 53687091200 }  # Full | Increment; bytes
    /// sessions:                     # /api/backupSessions; optional
    ///   - id: 3f6e…
    ///     job: 5658281f-625e-4627-89dd-d2a0c48be99e
    ///     start: "2020-01-31T17:00:12Z"                     # UTC
    ///     end: "2020-01-31T17:21:40Z"   # optional; absent = still working
    ///     state: Stopped            # optional: Stopped with an end, else Working
    ///     result: Success           # optional: Success with an end, else None
    ///     failureMessage: …         # optional
    ///     retry: false              # optional, default false
    ///     tasks:                    # one per VM; optional
    ///       - { id: 5c8a…, vm: sql01, start: "…Z", end: "…Z", result: Success, reason: "", size: 53687091200 }
    /// discoveredComputers:          # /api/agents/discoveredComputers; optional
    ///   - { id: 6d1c…, name: fs01.tech.local, hostStatus: Online, agentStatus: Installed,
    ///       agentVersion: 6.3.0.177, osVersion: Windows Server 2022, ipAddress: 172.17.53.21 }
    /// hierarchyRoots:               # /api/hierarchyRoots, /api/lookup; optional
    ///   - { id: 1f2e…, name: vcenter01.tech.local, hostType: VC }  # ESX | VC | ESXi | HvServer | …
    /// ```
    /// Unknown keys are errors.
    public init(yaml text: String, path: String = "<inventory>") throws {
        let root = try YAMLMapping.root(of: text, path: path)
        try root.checkKeys(["backupServer", "jobs", "agentJobs", "repositories", "backups", "sessions", "discoveredComputers", "hierarchyRoots"])
        var server = Inventory.standard.backupServer
        if let entry = try root.mapping("backupServer") {
            try entry.checkKeys(["id", "name", "description", "port", "version"])
            server = BackupServer(
                id: try entry.requiredString("id"), name: try entry.requiredString("name"),
                description: try entry.string("description") ?? "", port: try entry.int("port") ?? 9392,
                version: try entry.string("version"))
        }
        let jobs = try (root.mappings("jobs") ?? []).map { try Self.job(from: $0, defaultType: nil) }
        let agentJobs = try (root.mappings("agentJobs") ?? []).map { try Self.job(from: $0, defaultType: "AgentBackup") }
        if jobs.isEmpty && agentJobs.isEmpty {
            throw root.failure("the inventory lists no jobs and no agent jobs")
        }
        let platforms = Dictionary((jobs + agentJobs).map { ($0.id.lowercased(), $0.platform) }, uniquingKeysWith: { a, _ in a })
        try self.init(
            backupServer: server, jobs: jobs, agentJobs: agentJobs,
            repositories: try (root.mappings("repositories") ?? []).map(Self.repository),
            backups: try (root.mappings("backups") ?? []).map { try Self.backup(from: $0, platforms: platforms) },
            sessions: try (root.mappings("sessions") ?? []).map(Self.session),
            discoveredComputers: try (root.mappings("discoveredComputers") ?? []).map(Self.computer),
            hierarchyRoots: try (root.mappings("hierarchyRoots") ?? []).map { entry in
                try entry.checkKeys(["id", "name", "hostType"])
                return HierarchyRoot(
                    id: try entry.requiredString("id"), name: try entry.requiredString("name"),
                    hostType: try entry.requiredString("hostType"))
            },
            path: path)
    }

    private static func job(from entry: YAMLMapping, defaultType: String?) throws -> InventoryJob {
        try entry.checkKeys([
            "id", "name", "type", "platform", "description", "scheduleConfigured", "scheduleEnabled", "nextRun",
        ])
        let type: String
        if let defaultType {
            type = try entry.string("type") ?? defaultType
        } else {
            type = try entry.requiredString("type")
        }
        return InventoryJob(
            id: try entry.requiredString("id"),
            name: try entry.requiredString("name"),
            jobType: type,
            platform: try entry.requiredString("platform"),
            description: try entry.string("description") ?? "",
            scheduleConfigured: try entry.bool("scheduleConfigured") ?? true,
            scheduleEnabled: try entry.bool("scheduleEnabled") ?? true,
            nextRun: try entry.string("nextRun")
        )
    }

    private static func repository(from entry: YAMLMapping) throws -> InventoryRepository {
        try entry.checkKeys(["id", "name", "kind", "capacity", "freeSpace"])
        return InventoryRepository(
            id: try entry.requiredString("id"), name: try entry.requiredString("name"),
            kind: try entry.requiredString("kind"), capacity: try entry.int("capacity") ?? -1,
            freeSpace: try entry.int("freeSpace") ?? -1)
    }

    private static func backup(from entry: YAMLMapping, platforms: [String: String]) throws -> InventoryBackup {
        try entry.checkKeys(["id", "name", "job", "repository", "platform", "restorePoints"])
        let jobID = try entry.requiredString("job")
        let points = try (entry.mappings("restorePoints") ?? []).map { point in
            try point.checkKeys(["id", "time", "vms"])
            let vms = try (point.mappings("vms") ?? []).map { vm in
                try vm.checkKeys(["id", "name", "type", "size"])
                return InventoryVmRestorePoint(
                    id: try vm.requiredString("id"), vmName: try vm.requiredString("name"),
                    pointType: try vm.string("type") ?? "Full", size: try vm.int("size") ?? 0)
            }
            return InventoryRestorePoint(id: try point.requiredString("id"), time: try point.requiredString("time"), vms: vms)
        }
        return InventoryBackup(
            id: try entry.requiredString("id"), name: try entry.requiredString("name"), jobID: jobID,
            repositoryID: try entry.requiredString("repository"),
            platform: try entry.string("platform") ?? platforms[jobID.lowercased()] ?? "VMware",
            restorePoints: points)
    }

    private static func session(from entry: YAMLMapping) throws -> InventoryJobSession {
        try entry.checkKeys(["id", "job", "start", "end", "state", "result", "failureMessage", "retry", "tasks"])
        let end = try entry.string("end")
        let tasks = try (entry.mappings("tasks") ?? []).map { task in
            try task.checkKeys(["id", "vm", "start", "end", "state", "result", "reason", "size"])
            let taskEnd = try task.string("end")
            return InventoryTaskSession(
                id: try task.requiredString("id"), vmName: try task.requiredString("vm"),
                creationTime: try task.requiredString("start"), endTime: taskEnd,
                state: try task.string("state") ?? (taskEnd == nil ? "InProgress" : "Completed"),
                result: try task.string("result") ?? (taskEnd == nil ? "None" : "Success"),
                reason: try task.string("reason") ?? "", totalSize: try task.int("size") ?? 0)
        }
        return InventoryJobSession(
            id: try entry.requiredString("id"), jobID: try entry.requiredString("job"),
            creationTime: try entry.requiredString("start"), endTime: end,
            state: try entry.string("state") ?? (end == nil ? "Working" : "Stopped"),
            result: try entry.string("result") ?? (end == nil ? "None" : "Success"),
            failureMessage: try entry.string("failureMessage"), isRetry: try entry.bool("retry") ?? false,
            tasks: tasks)
    }

    private static func computer(from entry: YAMLMapping) throws -> DiscoveredComputer {
        try entry.checkKeys(["id", "name", "hostStatus", "agentStatus", "agentVersion", "osVersion", "ipAddress"])
        return DiscoveredComputer(
            id: try entry.requiredString("id"), name: try entry.requiredString("name"),
            hostStatus: try entry.string("hostStatus") ?? "Online",
            agentStatus: try entry.string("agentStatus") ?? "Installed",
            agentVersion: try entry.string("agentVersion") ?? "", osVersion: try entry.string("osVersion") ?? "",
            ipAddress: try entry.string("ipAddress") ?? "")
    }
}
