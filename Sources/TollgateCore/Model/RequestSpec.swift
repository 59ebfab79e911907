/// The HTTP request of a step, with `{{variables}}` still unresolved.
public struct RequestSpec: Sendable {
    /// Where the request goes.
    public enum Target: Sendable, Equatable {
        /// A path (with optional query string) relative to the run's base URL.
        case path(Template)
        /// An absolute URL, typically a captured `Href`.
        case url(Template)
    }

    /// The request body.
    public enum Body: Sendable, Equatable {
        /// Text written in the scenario file.
        case inline(Template)
        /// A file's bytes; the path is resolved relative to the scenario file at load time.
        case file(path: String, location: SourceLocation)
    }

    /// How the request authenticates.
    public enum Auth: Sendable, Equatable {
        /// Follow the scenario's ``SessionMode`` (the default).
        case session
        /// Send no credentials at all, whatever the scenario's session mode.
        case none
        /// `Authorization: Basic` with the run's credentials (`--user` / password environment variable).
        case runCredentials
        /// `Authorization: Basic` with credentials written in the file (for negative tests).
        case basic(user: Template, password: Template)
    }

    /// HTTP method, upper case.
    public var method: Located<String>
    /// Where the request goes.
    public var target: Target
    /// Query parameters appended to the target, in file order.
    public var query: [(name: String, value: Template)]
    /// Request headers, in file order.
    public var headers: [(name: String, value: Template)]
    /// The body, if any.
    public var body: Body?
    /// How the request authenticates.
    public var auth: Auth
    /// Where `request:` is written.
    public var location: SourceLocation

    /// Creates a request.
    public init(
        method: Located<String>, target: Target, query: [(name: String, value: Template)] = [],
        headers: [(name: String, value: Template)] = [], body: Body? = nil, auth: Auth = .session,
        location: SourceLocation
    ) {
        self.method = method
        self.target = target
        self.query = query
        self.headers = headers
        self.body = body
        self.auth = auth
        self.location = location
    }
}
