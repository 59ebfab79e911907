import Logging

/// Everything the built-in Enterprise Manager needs to start.
public struct ServerConfiguration: Sendable {
    /// Address to bind (default `127.0.0.1`).
    public var host: String
    /// Port to bind (default 9398, the Enterprise Manager port); 0 picks any free port.
    public var port: Int
    /// User name → password of the accounts that may log on.
    public var users: [String: String]
    /// User name → role; a user missing here is a Portal Administrator.
    public var roles: [String: UserRole]
    /// How long a task stays Running before it is Finished (default 1 s).
    public var taskDuration: Duration
    /// A logon session expires after this long without a request (default 15 minutes).
    public var sessionIdleTimeout: Duration
    /// The jobs served (default ``Inventory/standard``).
    public var inventory: Inventory
    /// Faults injected for the whole run, each for all requests or for one route.
    public var faults: [FaultRule]
    /// Honour a per-request `X-Tollgate-Fault: kind[=arg][, …]` header (default false).
    public var faultHeaderEnabled: Bool
    /// nil serves plain HTTP; otherwise HTTPS with these settings.
    public var tls: TLSSettings?
    /// The level at which each request is logged (method, path, status, duration; default `.info`).
    public var requestLogLevel: Logger.Level
    /// The most tasks the server keeps; beyond it the oldest are forgotten (404), so a session that
    /// creates tasks forever cannot grow the server without bound (RELIABILITY.md, load findings).
    public var retainedTaskLimit: Int = 10_000
    /// The Enterprise Manager release emulated: API versions, backup server version, JSON style
    /// (default ``ServerRelease/default``, 12).
    public var release: ServerRelease

    /// Creates a configuration; every parameter has the default described on its property.
    public init(
        host: String = "127.0.0.1",
        port: Int = 9398,
        users: [String: String] = [:],
        roles: [String: UserRole] = [:],
        taskDuration: Duration = .seconds(1),
        sessionIdleTimeout: Duration = .seconds(15 * 60),
        inventory: Inventory = .standard,
        faults: [FaultRule] = [],
        faultHeaderEnabled: Bool = false,
        tls: TLSSettings? = nil,
        requestLogLevel: Logger.Level = .info,
        release: ServerRelease = .default
    ) {
        self.host = host
        self.port = port
        self.users = users
        self.roles = roles
        self.taskDuration = taskDuration
        self.sessionIdleTimeout = sessionIdleTimeout
        self.inventory = inventory
        self.faults = faults
        self.faultHeaderEnabled = faultHeaderEnabled
        self.tls = tls
        self.requestLogLevel = requestLogLevel
        self.release = release
    }

    /// Adds (or replaces) an account with its role.
    public mutating func add(_ account: UserAccount) {
        users[account.name] = account.password
        roles[account.name] = account.role
    }

    /// The role of `user` (Portal Administrator unless ``roles`` says otherwise).
    public func role(of user: String) -> UserRole {
        roles[user] ?? .portalAdministrator
    }
}
