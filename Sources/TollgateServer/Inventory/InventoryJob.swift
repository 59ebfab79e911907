/// One job (or agent job) the built-in server serves.
public struct InventoryJob: Sendable, Equatable {
    /// Bare lowercase GUID: the path segment and the tail of the UID.
    public var id: String
    /// Display name (`Name` attribute).
    public var name: String
    /// `JobType`: Backup, BackupCopy, ImmediateBackupCopy, Replica; AgentBackup for agent jobs.
    public var jobType: String
    /// `Platform`: VMware, HyperV, vCloud, CustomPlatform; AgentForWindows or AgentForLinux for agent jobs.
    public var platform: String
    /// `Description`.
    public var description: String
    /// `ScheduleConfigured`.
    public var scheduleConfigured: Bool
    /// `ScheduleEnabled`: the flag `toggleScheduleEnabled` flips.
    public var scheduleEnabled: Bool
    /// `NextRun` as an xs:dateTime string, or nil to omit it.
    public var nextRun: String?

    /// Creates a job.
    public init(
        id: String,
        name: String,
        jobType: String,
        platform: String,
        description: String = "",
        scheduleConfigured: Bool = true,
        scheduleEnabled: Bool = true,
        nextRun: String? = nil
    ) {
        self.id = id
        self.name = name
        self.jobType = jobType
        self.platform = platform
        self.description = description
        self.scheduleConfigured = scheduleConfigured
        self.scheduleEnabled = scheduleEnabled
        self.nextRun = nextRun
    }
}
