import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
// ServiceLifecycle comes with Hummingbird (its Application is a ServiceLifecycle Service); it gives
// the server a graceful shutdown that Hummingbird's own listener honours.
import ServiceLifecycle

/// The built-in Veeam Backup Enterprise Manager REST server (`tollgate serve`, and the default
/// target of `tollgate run`).
public struct EnterpriseManagerServer: Sendable {
    /// The configuration it starts with.
    public let configuration: ServerConfiguration
    private let logger: Logger

    /// Creates a server; nothing is bound until ``start()``.
    public init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Binds and returns once the server is accepting connections.
    /// - Throws: ``ServerError`` when TLS material is unusable or the address cannot be bound.
    public func start() async throws -> RunningServer {
        guard (0...65535).contains(configuration.port) else {
            throw ServerError.invalidConfiguration("port \(configuration.port) is outside 0…65535")
        }
        let material = try configuration.tls.map { try TLSMaterial(settings: $0, host: configuration.host) }
        let scheme = material == nil ? "http" : "https"
        let displayHost = Self.displayHost(configuration.host)
        let signal = StartupSignal()
        let parts = try makeApplication(tls: material) { boundPort in
            if let port = boundPort {
                signal.resolve(.success(port))
            } else {
                signal.resolve(.failure(ServerError.notListening("the listening socket has no port")))
            }
        }
        let application = parts.application
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [], logger: logger))
        let runTask = Task {
            do {
                try await group.run()
                signal.resolve(.failure(ServerError.notListening("the server stopped while starting")))
            } catch {
                signal.resolve(.failure(ServerError.notListening("\(error)")))
                throw error
            }
        }
        let port: Int
        do {
            port = try await signal.wait()
        } catch {
            await group.triggerGracefulShutdown()
            _ = await runTask.result
            throw error
        }
        parts.fallbackAuthority.withLock { $0 = "\(displayHost):\(port)" }
        return RunningServer(
            baseURL: "\(scheme)://\(displayHost):\(port)",
            port: port,
            certificatePEM: material?.generatedCertificatePEM,
            requestCount: parts.requestCount,
            issuedSessionIDs: parts.issuedSessionIDs,
            group: group,
            runTask: runTask)
    }

    /// The Hummingbird application with its responder, not yet running (tests drive it in-process).
    func makeApplication(
        tls material: TLSMaterial? = nil,
        onBound: @escaping @Sendable (_ port: Int?) -> Void = { _ in }
    ) throws -> (
        application: Application<EnterpriseManagerResponder>,
        fallbackAuthority: LockedValue<String>,
        requestCount: LockedValue<Int>,
        issuedSessionIDs: LockedValue<[String]>
    ) {
        let fallbackAuthority = LockedValue("\(Self.displayHost(configuration.host)):\(configuration.port)")
        let requestCount = LockedValue(0)
        let state = EnterpriseManagerState(configuration: configuration)
        let responder = EnterpriseManagerResponder(
            configuration: configuration,
            state: state,
            scheme: material == nil ? "http" : "https",
            fallbackAuthority: fallbackAuthority,
            requestCount: requestCount,
            logger: logger)
        let application = Application(
            responder: responder,
            server: try material.map { try .tls(.http1(), tlsConfiguration: $0.configuration) } ?? .http1(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "Tollgate"),
            onServerRunning: { channel in onBound(channel.localAddress?.port) },
            logger: Self.frameworkLogger(from: logger))
        return (application, fallbackAuthority, requestCount, state.issuedSessionIDs)
    }

    /// The host for URLs: loopback for the wildcard addresses, IPv6 literals in brackets.
    static func displayHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::", "[::]": return "[::1]"
        default: return host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
    }

    /// Hummingbird's own messages (start, stop) only at warning and above unless debugging:
    /// the request log is the server's voice.
    private static func frameworkLogger(from logger: Logger) -> Logger {
        var quiet = logger
        if logger.logLevel > .debug {
            quiet.logLevel = max(logger.logLevel, .warning)
        }
        return quiet
    }
}
