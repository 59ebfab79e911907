/// A computer found by an agent protection group (`/api/agents/discoveredComputers`).
public struct DiscoveredComputer: Sendable, Equatable {
    /// Bare lowercase GUID.
    public var id: String
    /// Host name.
    public var name: String
    /// `HostStatus`: Online, Offline, Unknown.
    public var hostStatus: String
    /// `AgentStatus`: NotInstalled, Installed, UnsupportedOs, Failed, Exclude.
    public var agentStatus: String
    /// `AgentVersion`, empty when no agent is installed.
    public var agentVersion: String
    /// `OsVersion`.
    public var osVersion: String
    /// `IpAddress`.
    public var ipAddress: String

    /// Creates a discovered computer.
    public init(
        id: String, name: String, hostStatus: String = "Online", agentStatus: String = "Installed",
        agentVersion: String = "", osVersion: String = "", ipAddress: String = ""
    ) {
        self.id = id
        self.name = name
        self.hostStatus = hostStatus
        self.agentStatus = agentStatus
        self.agentVersion = agentVersion
        self.osVersion = osVersion
        self.ipAddress = ipAddress
    }
}
