/// One account that may log on to the built-in server.
public struct UserAccount: Sendable, Equatable {
    /// The user name sent in the Basic `Authorization` header (compared exactly).
    public var name: String
    /// The password.
    public var password: String
    /// The Enterprise Manager role.
    public var role: UserRole

    /// Creates an account; the role defaults to Portal Administrator.
    public init(name: String, password: String, role: UserRole = .portalAdministrator) {
        self.name = name
        self.password = password
        self.role = role
    }
}

extension UserAccount: CustomStringConvertible {
    /// The name and role; never the password.
    public var description: String {
        "\(name) (\(role.rawValue))"
    }
}
