/// Why the built-in server could not start.
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TLS certificate or key could not be read or used.
    case tls(String)
    /// The server stopped before it accepted connections (for example the port is taken).
    case notListening(String)
    /// The configuration cannot work (e.g. no users).
    case invalidConfiguration(String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .tls(let reason): "TLS setup failed: \(reason)"
        case .notListening(let reason): "the server did not start listening: \(reason)"
        case .invalidConfiguration(let reason): "invalid server configuration: \(reason)"
        }
    }
}
