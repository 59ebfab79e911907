import Foundation
import Logging
import Synchronization
import TollgateServer

/// A built-in Enterprise Manager that a test starts in its own process (127.0.0.1, a free port), so it
/// can read what the `tollgate` binary sent: the request count, the request log and the issued sessions.
struct InProcessServer: Sendable {
    /// The user every reliability test logs on as.
    static let user = "qa-reliability"

    /// The started server.
    let running: RunningServer
    /// One line per request the server answered (`METHOD /path STATUS 1.2ms …`, session ids masked).
    let log: RequestLogRecorder

    /// `http://127.0.0.1:PORT`.
    var url: String { running.baseURL }

    /// Requests received so far, logon included.
    var requestCount: Int { running.requestCount }

    /// Starts a server with one Portal Administrator (`user`/`password`) and the per-request
    /// `X-Tollgate-Fault` header enabled, runs `body`, and stops the server whatever happens.
    static func with<T: Sendable>(
        password: String,
        taskDuration: Duration = .milliseconds(200),
        _ body: (InProcessServer) async throws -> T
    ) async throws -> T {
        let log = RequestLogRecorder()
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.users = [user: password]
        configuration.taskDuration = taskDuration
        configuration.faultHeaderEnabled = true
        configuration.requestLogLevel = .info
        let running = try await EnterpriseManagerServer(configuration: configuration, logger: log.logger()).start()
        let server = InProcessServer(running: running, log: log)
        do {
            let result = try await body(server)
            await running.stop()
            return result
        } catch {
            await running.stop()
            throw error
        }
    }
}

/// Collects the server's request log lines in memory.
final class RequestLogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    /// The lines logged so far, oldest first.
    var messages: [String] {
        lines.withLock { $0 }
    }

    /// A logger that appends every message at `.info` and above here.
    func logger() -> Logger {
        var logger = Logger(label: "tollgate.e2e.server") { _ in Handler(recorder: self) }
        logger.logLevel = .info
        return logger
    }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let recorder: RequestLogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.append("\(event.message)")
        }
    }
}
