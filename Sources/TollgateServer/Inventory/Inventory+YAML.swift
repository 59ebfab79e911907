extension Inventory {
    /// Parses an inventory from YAML text; `path` names the file in errors.
    ///
    /// ```yaml
    /// backupServer:                 # optional; default: the standard inventory's server
    ///   id: d1444f74-27e6-4399-81a9-d28ba98913f0
    ///   name: srv12.tech.local
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
    /// ```
    /// Unknown keys are errors.
    public init(yaml text: String, path: String = "<inventory>") throws {
        let root = try YAMLMapping.root(of: text, path: path)
        try root.checkKeys(["backupServer", "jobs", "agentJobs"])
        var server = Inventory.standard.backupServer
        if let entry = try root.mapping("backupServer") {
            try entry.checkKeys(["id", "name"])
            server = BackupServer(id: try entry.requiredString("id"), name: try entry.requiredString("name"))
        }
        let jobs = try (root.mappings("jobs") ?? []).map { try Self.job(from: $0, defaultType: nil) }
        let agentJobs = try (root.mappings("agentJobs") ?? []).map { try Self.job(from: $0, defaultType: "AgentBackup") }
        if jobs.isEmpty && agentJobs.isEmpty {
            throw root.failure("the inventory lists no jobs and no agent jobs")
        }
        try self.init(backupServer: server, jobs: jobs, agentJobs: agentJobs, path: path)
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
}
