/// The account the run logs on with (`--user` and a password from the environment).
public struct Credentials: Sendable {
    /// The account name, e.g. `DOMAIN\user`.
    public var user: String
    /// The password; never written to any output (the runner masks it).
    public var password: String

    /// Creates credentials.
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}
