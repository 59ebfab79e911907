/// Everything a run needs besides the scenarios: where the server is, how to log on, what to select.
public struct RunConfiguration: Sendable {
    /// The server's base URL, e.g. `https://em.example.com:9398`; step `path`s are appended to it.
    public var baseURL: String
    /// The account the run logs on with; nil means no logon (shared-session scenarios then send no token).
    public var credentials: Credentials?
    /// Variables from `--var` and `TOLLGATE_VAR_*` (already merged); they override the files' variables.
    /// The runner adds the built-in `base_url` unless it is given here.
    public var variables: [String: String]
    /// Which scenarios run.
    public var tagFilter: TagFilter
    /// How many scenarios run at the same time (at least 1); a scenario's steps always run in order.
    public var jobs: Int
    /// Limit for one whole request, body included.
    public var requestTimeout: Duration
    /// Certificate verification.
    public var tls: TLSOptions
    /// Stop starting scenarios after the first failed or errored one.
    public var failFast: Bool
    /// A response body larger than this is an error; reading stops there, so memory stays bounded.
    public var maxBodyBytes: Int
    /// The protocol profile: how the run logs on and off, fingerprints the server, reads poll hints
    /// and error bodies. Default: Enterprise Manager.
    public var profile: ProfileChoice

    /// The default response body limit: 16 MiB.
    public static let defaultMaxBodyBytes = 16 * 1024 * 1024

    /// Creates a configuration.
    public init(
        baseURL: String,
        credentials: Credentials? = nil,
        variables: [String: String] = [:],
        tagFilter: TagFilter = TagFilter(),
        jobs: Int = 1,
        requestTimeout: Duration = .seconds(30),
        tls: TLSOptions = TLSOptions(),
        failFast: Bool = false,
        maxBodyBytes: Int = RunConfiguration.defaultMaxBodyBytes,
        profile: ProfileChoice = .enterpriseManager
    ) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.variables = variables
        self.tagFilter = tagFilter
        self.jobs = jobs
        self.requestTimeout = requestTimeout
        self.tls = tls
        self.failFast = failFast
        self.maxBodyBytes = maxBodyBytes
        self.profile = profile
    }
}
