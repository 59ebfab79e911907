/// The Veeam Backup & Replication server the jobs belong to (the `Up` link of every job,
/// session, repository and backup; `/api/backupServers/{id}`).
public struct BackupServer: Sendable, Equatable {
    /// Bare lowercase GUID, used in `/api/backupServers/{id}`.
    public var id: String
    /// Host name shown as the `Name` of the `Up` link.
    public var name: String
    /// `Description` (empty by default, `<Description />` then).
    public var description: String
    /// `Port`, the backup service port (9392 by default).
    public var port: Int
    /// `Version`, a build number like `12.3.2.4465`; nil serves the build of the emulated release
    /// (``ServerRelease/backupServerVersion``).
    public var version: String?

    /// Creates a backup server.
    public init(id: String, name: String, description: String = "", port: Int = 9392, version: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.port = port
        self.version = version
    }
}
