/// The Veeam Backup & Replication server the jobs belong to (the `Up` link of every job).
public struct BackupServer: Sendable, Equatable {
    /// Bare lowercase GUID, used in `/api/backupServers/{id}`.
    public var id: String
    /// Host name shown as the `Name` of the `Up` link.
    public var name: String

    /// Creates a backup server.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
