/// A suite's own description of its session (the declarative profile): written as a top-level
/// `session:` block in a scenario file or in a `tollgate.yaml` beside the scenario files.
///
/// ```yaml
/// session:
///   logon:
///     request: { method: POST, path: /login, body: '{"user": "{{user}}", "password": "{{password}}"}' }
///     status: 200                                  # default [200, 201]
///   token: { json: "string(/json/token)" }         # or { header: X-Token }, an XPath, { regex: … }
///   send: { Authorization: "Bearer {{token}}" }    # headers every shared-session request carries
///   logoff:                                        # optional; default auth: session (the send headers)
///     request: { method: POST, path: /logout }
///     status: 204                                  # default [200, 204]
///   rejected: 401                                  # statuses meaning "session gone", default 401
/// ```
///
/// In the logon `{{user}}` and `{{password}}` are the run's credentials; in `send` and the logoff
/// `{{token}}` is the token. The token is always a secret.
public struct SessionDefinition: Sendable {
    /// The logon request (`auth: basic` sends the run's credentials).
    public var logon: RequestSpec
    /// Statuses that mean the logon worked.
    public var logonStatuses: [Int]
    /// Where the token comes from in the logon response (always secret).
    public var token: Capture
    /// Headers every shared-session request carries; their templates may use `{{token}}`.
    public var send: [(name: String, value: Template)]
    /// The logoff request, if the protocol has one.
    public var logoff: RequestSpec?
    /// Statuses that mean the logoff worked.
    public var logoffStatuses: [Int]
    /// Statuses that, answered to a request carrying the token, mean the session is gone.
    public var rejectedStatuses: [Int]
    /// The defining file's `variables:` (its templates may use them).
    public var variables: [String: Located<String>]
    /// Where `session:` is written.
    public var location: SourceLocation

    /// The file beside a suite's scenario files that holds its session: `tollgate.yaml`.
    public static let fileName = "tollgate.yaml"
    /// The names the logon's templates know besides the file's variables.
    public static let logonVariables: Set<String> = ["user", "password"]
    /// The name `send` and the logoff use for the token.
    public static let tokenVariable = "token"

    /// Creates a definition.
    public init(
        logon: RequestSpec, logonStatuses: [Int] = [200, 201], token: Capture,
        send: [(name: String, value: Template)], logoff: RequestSpec? = nil, logoffStatuses: [Int] = [200, 204],
        rejectedStatuses: [Int] = [401], variables: [String: Located<String>] = [:], location: SourceLocation
    ) {
        self.logon = logon
        self.logonStatuses = logonStatuses
        self.token = token
        self.send = send
        self.logoff = logoff
        self.logoffStatuses = logoffStatuses
        self.rejectedStatuses = rejectedStatuses
        self.variables = variables
        self.location = location
    }
}
