/// Why no usable response came back: the server could not be tested (JUnit `<error>`).
enum TransportError: Error, Sendable, Equatable {
    /// The URL cannot be requested.
    case invalidURL(String)
    /// Nothing listens at the address, or the connection could not be made.
    case connectionFailed(String)
    /// The request did not complete within the limit.
    case timeout(Duration)
    /// The TLS handshake or certificate verification failed.
    case tls(String)
    /// The server closed or reset the connection before the response was complete.
    case connectionClosed(String)
    /// The server sent bytes that are not an HTTP response.
    case malformedResponse(String)
    /// The body is larger than the configured limit; reading stopped there.
    case bodyTooLarge(limit: Int)
    /// The run was interrupted.
    case cancelled
    /// Anything else the HTTP client reported.
    case other(String)

    /// One line for the finding.
    var message: String {
        switch self {
        case .invalidURL(let url): return "invalid URL \(url)"
        case .connectionFailed(let detail): return "could not connect: \(detail)"
        case .timeout(let limit): return "request timed out after \(TimeFormatting.message(limit))"
        case .tls(let detail): return "TLS error: \(detail)"
        case .connectionClosed(let detail): return "connection closed before the response was complete: \(detail)"
        case .malformedResponse(let detail): return "malformed HTTP response: \(detail)"
        case .bodyTooLarge(let limit): return "response body larger than \(limit) bytes (limit); reading stopped"
        case .cancelled: return "interrupted"
        case .other(let detail): return "HTTP client error: \(detail)"
        }
    }
}
