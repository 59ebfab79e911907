import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Sends requests for one run over one `HTTPClient` and reads whole responses, bounded in time and size.
///
/// - Redirects are never followed: a 3xx is a response like any other, so a redirect loop cannot happen.
/// - Failed connection attempts are not retried, so "connection refused" is reported at once.
/// - Each request, body included, is bounded by a deadline; a server that accepts and never answers,
///   or trickles its body, ends in ``TransportError/timeout(_:)``.
/// - Bodies are streamed and reading stops past the size limit, so memory stays bounded.
struct HTTPTransport: Sendable {
    /// The connection timeout never exceeds this, whatever the request timeout.
    static let maximumConnectTimeout: Duration = .seconds(10)

    private let client: HTTPClient
    private let requestTimeout: Duration
    private let maxBodyBytes: Int
    private let executors: [EventLoopTaskExecutor]

    /// Creates the client for a run.
    init(configuration: RunConfiguration) throws(RunConfigurationError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if configuration.tls.insecure {
            tls.certificateVerification = .none
        } else if let path = configuration.tls.caCertificatePath {
            tls.trustRoots = .certificates(try Self.loadCertificates(path))
        }
        let connectTimeout = min(configuration.requestTimeout, Self.maximumConnectTimeout)
        var clientConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(TimeFormatting.nanoseconds(connectTimeout))),
            connectionPool: .init(
                idleTimeout: .seconds(60),
                concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, configuration.jobs)
            ),
            decompression: .disabled
        )
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
        self.executors = HTTPClient.defaultEventLoopGroup.makeIterator().map { EventLoopTaskExecutor($0) }
        self.requestTimeout = configuration.requestTimeout
        self.maxBodyBytes = max(0, configuration.maxBodyBytes)
    }

    /// Reads the trusted roots for `--cacert`.
    static func loadCertificates(_ path: String) throws(RunConfigurationError) -> [NIOSSLCertificate] {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RunConfigurationError("--cacert \(path): the file does not exist or cannot be read")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw RunConfigurationError("--cacert \(path): not a PEM certificate file (\(error))")
        }
        guard !certificates.isEmpty else {
            throw RunConfigurationError("--cacert \(path): the file holds no PEM certificate")
        }
        return certificates
    }

    /// The executor the `index`th scenario prefers: one of the client's event loops, in turn.
    func executor(for index: Int) -> (any TaskExecutor)? {
        executors.isEmpty ? nil : executors[index % executors.count]
    }

    /// Sends the request and reads the whole response within `timeout` (default: the run's request timeout).
    func send(_ request: OutgoingRequest, timeout: Duration? = nil) async throws(TransportError) -> ReceivedResponse {
        let limit = timeout ?? requestTimeout
        if let problem = Self.problem(with: request.url) { throw .invalidURL("\(request.url) (\(problem))") }
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(body)
        }
        let deadline = NIODeadline.now() + .nanoseconds(TimeFormatting.nanoseconds(limit))
        do {
            // AsyncHTTPClient's deadline stops waiting for the response head but not a body that trickles
            // in, so the whole exchange races a timer: whichever finishes first wins, the other is cancelled.
            return try await withThrowingTaskGroup(of: ReceivedResponse?.self) { group in
                group.addTask { [outgoing] in
                    let response = try await client.execute(outgoing, deadline: deadline)
                    let body = try await readBody(response)
                    return ReceivedResponse(
                        status: Int(response.status.code),
                        reason: response.status.reasonPhrase,
                        headers: response.headers.map { HeaderField(name: $0.name, value: $0.value) },
                        body: body
                    )
                }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw TransportError.timeout(limit)
                }
                return response
            }
        } catch let error as TransportError {
            throw Task.isCancelled ? .cancelled : error
        } catch {
            throw Self.classify(error, timeout: limit)
        }
    }

    /// Streams the body, stopping as soon as it passes the limit.
    private func readBody(_ response: HTTPClientResponse) async throws -> [UInt8] {
        if let declared = response.headers.first(name: "Content-Length").flatMap(Int.init), declared > maxBodyBytes {
            throw TransportError.bodyTooLarge(limit: maxBodyBytes)
        }
        var body: [UInt8] = []
        for try await chunk in response.body {
            guard body.count + chunk.readableBytes <= maxBodyBytes else {
                throw TransportError.bodyTooLarge(limit: maxBodyBytes)
            }
            body.append(contentsOf: chunk.readableBytesView)
        }
        return body
    }

    /// Why the HTTP client cannot request `url` (checked first: some bad URLs make the client trap,
    /// e.g. a port beyond 65535), or nil when it can.
    static func problem(with url: String) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased() else {
            return "not a URL"
        }
        guard scheme == "http" || scheme == "https" else { return "the scheme must be http or https" }
        guard let host = parsed.host, !host.isEmpty else { return "no host name" }
        if let port = parsed.port, !(1...65535).contains(port) { return "port \(port) is outside 1…65535" }
        return nil
    }

    /// Shuts the client down; called once at the end of the run.
    func shutdown() async {
        try? await client.shutdown()
    }

    /// Maps what the HTTP stack threw to a transport error the user can act on.
    static func classify(_ error: any Error, timeout: Duration) -> TransportError {
        if Task.isCancelled || error is CancellationError { return .cancelled }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout,
                .tlsHandshakeTimeout:
                return .timeout(timeout)
            case .cancelled:
                return .cancelled
            case .remoteConnectionClosed:
                return .connectionClosed("the server closed the connection")
            case .invalidURL, .emptyHost, .emptyScheme:
                return .invalidURL(String(describing: clientError))
            default:
                if String(describing: clientError).contains("unsupportedScheme") {
                    return .invalidURL("unsupported scheme")
                }
                return .other(String(describing: clientError))
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .tls(String(describing: error))
        }
        if let parserError = error as? HTTPParserError {
            return .malformedResponse(String(describing: parserError))
        }
        if let ioError = error as? IOError {
            switch ioError.errnoCode {
            case ECONNREFUSED: return .connectionFailed("connection refused")
            case ECONNRESET: return .connectionClosed("connection reset by peer")
            case EPIPE: return .connectionClosed("broken pipe")
            default: return .connectionFailed(String(describing: ioError))
            }
        }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") {
            return .connectionFailed("connection refused")
        }
        if String(describing: type(of: error)).contains("Connection") {
            return .connectionFailed(text)
        }
        return .other(text)
    }
}
