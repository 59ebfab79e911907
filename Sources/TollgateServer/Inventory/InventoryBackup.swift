/// A backup (the chain a job writes to a repository) with its restore points (`/api/backups`).
public struct InventoryBackup: Sendable, Equatable {
    /// Bare lowercase GUID.
    public var id: String
    /// Display name (usually the job's name).
    public var name: String
    /// The id of the job that writes it (a job or an agent job of the inventory).
    public var jobID: String
    /// The id of the repository that holds it.
    public var repositoryID: String
    /// `Platform`: VMware, HyperV, vCloud, AgentForLinux, AgentForWindows, CustomPlatform.
    public var platform: String
    /// Restore points, oldest first.
    public var restorePoints: [InventoryRestorePoint]

    /// Creates a backup.
    public init(
        id: String, name: String, jobID: String, repositoryID: String, platform: String,
        restorePoints: [InventoryRestorePoint] = []
    ) {
        self.id = id
        self.name = name
        self.jobID = jobID
        self.repositoryID = repositoryID
        self.platform = platform
        self.restorePoints = restorePoints
    }
}
