import ArgumentParser
import Dispatch
import Foundation
import Logging
import TollgateServer

/// `tollgate serve`: runs the built-in Veeam Backup Enterprise Manager until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the built-in Veeam Backup Enterprise Manager REST server.",
        discussion: """
            Answers the Enterprise Manager REST API (/api) as far as the protocol reference knows it:
            logon sessions, jobs, agent jobs and their actions, tasks. Faults rehearse failure paths:
            --fault KIND[=ARG][@METHOD:/path/glob*] with KIND one of \(FaultKind.names.joined(separator: ", ")).
            """
    )

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind (0 = any free port).")
    var port = 9398

    @Option(name: .customLong("tls-cert"), help: "PEM certificate (chain) file for HTTPS; needs --tls-key.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key file for HTTPS; needs --tls-cert.")
    var tlsKey: String?

    @Flag(name: .customLong("tls-self-signed"), help: "Serve HTTPS with a certificate generated at start.")
    var tlsSelfSigned = false

    @Option(name: .customLong("tls-cert-out"), help: "Write the generated certificate (PEM) here, for curl --cacert.")
    var tlsCertificateOut: String?

    @Option(help: "User name that may log on (Portal Administrator); its password comes from --password-env.")
    var user: String?

    @Option(name: .customLong("password-env"), help: "Environment variable holding the password of --user.")
    var passwordEnvironmentVariable = "TOLLGATE_PASSWORD"

    @Option(name: .customLong("users-file"), help: "YAML file of users, passwords and roles.")
    var usersFile: String?

    @Option(name: .customLong("task-seconds"), help: "How long a task stays Running.")
    var taskSeconds = 1.0

    @Option(name: .customLong("session-idle-seconds"), help: "A logon session expires after this idle time.")
    var sessionIdleSeconds = 900.0

    @Option(help: "The Enterprise Manager release to emulate: \(ServerRelease.names.joined(separator: ", ")).")
    var release = ServerRelease.default.rawValue

    @Option(help: "YAML inventory of jobs and agent jobs (default: the built-in one).")
    var inventory: String?

    @Option(name: .customLong("fault"), help: "Fault to inject, KIND[=ARG][@METHOD:/path/glob*] (repeatable).")
    var faults: [String] = []

    @Flag(name: .customLong("fault-header"), help: "Honour a per-request X-Tollgate-Fault header.")
    var faultHeader = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func run() async throws {
        let configuration = try makeConfiguration()
        guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
            Terminal.err("error: --log-level: unknown level '\(logLevel)'")
            throw ExitStatus.invalidInput
        }
        var logger = Logger(label: "tollgate.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level

        let server: RunningServer
        do {
            server = try await EnterpriseManagerServer(configuration: configuration, logger: logger).start()
        } catch {
            Terminal.err("error: \(error)")
            throw ExitCode.failure
        }
        if let tlsCertificateOut, let pem = server.certificatePEM {
            do {
                try pem.write(toFile: tlsCertificateOut, atomically: true, encoding: .utf8)
            } catch {
                Terminal.err("error: cannot write --tls-cert-out \(tlsCertificateOut): \(error.localizedDescription)")
                await server.stop()
                throw ExitCode.failure
            }
        }
        let sources = SignalTrap.install { Task { await server.stop() } }
        Terminal.out("Enterprise Manager listening on \(server.baseURL)/api/")
        do {
            try await server.waitUntilStopped()
        } catch {
            Terminal.err("error: the server failed: \(error)")
            throw ExitCode.failure
        }
        sources.forEach { $0.cancel() }
        Terminal.err("Enterprise Manager stopped after \(server.requestCount) requests")
    }

    /// The server configuration from the options; invalid input ends with exit status 2.
    private func makeConfiguration() throws -> ServerConfiguration {
        var configuration = ServerConfiguration(host: host, port: port)
        func invalid(_ message: String) -> InvalidValue { InvalidValue(message) }
        configuration.release = try ServerRelease.parse(release, option: "--release")
        guard (0...65535).contains(port) else { throw invalid("--port must be between 0 and 65535") }
        guard taskSeconds >= 0, taskSeconds <= 86_400 else { throw invalid("--task-seconds must be between 0 and 86400") }
        guard sessionIdleSeconds > 0, sessionIdleSeconds <= 86_400 * 7 else {
            throw invalid("--session-idle-seconds must be above 0 and at most 604800")
        }
        configuration.taskDuration = .milliseconds(Int64((taskSeconds * 1000).rounded()))
        configuration.sessionIdleTimeout = .milliseconds(Int64((sessionIdleSeconds * 1000).rounded()))

        switch (tlsCertificate, tlsKey, tlsSelfSigned) {
        case (nil, nil, false):
            break
        case (nil, nil, true):
            configuration.tls = .selfSigned
        case (let certificate?, let key?, false):
            configuration.tls = .files(certificatePath: certificate, keyPath: key)
        case (_, _, true):
            throw invalid("--tls-self-signed cannot be combined with --tls-cert/--tls-key")
        default:
            throw invalid("--tls-cert and --tls-key go together")
        }
        if tlsCertificateOut != nil && !tlsSelfSigned {
            throw invalid("--tls-cert-out needs --tls-self-signed")
        }

        if let usersFile {
            do {
                for account in try UsersFile.load(contentsOf: usersFile) {
                    configuration.add(account)
                }
            } catch {
                throw invalid("--users-file: \(error)")
            }
        }
        if let user {
            guard let password = ProcessInfo.processInfo.environment[passwordEnvironmentVariable], !password.isEmpty else {
                throw invalid("--user \(user): set the password in the environment variable \(passwordEnvironmentVariable)")
            }
            guard !user.isEmpty, !user.contains(":") else { throw invalid("--user: the name must be non-empty without ':'") }
            configuration.add(UserAccount(name: user, password: password))
        }
        if configuration.users.isEmpty {
            throw invalid("nobody could log on: give --user NAME (password in $\(passwordEnvironmentVariable)) or --users-file FILE")
        }
        if let inventory {
            do {
                configuration.inventory = try Inventory(contentsOf: inventory)
            } catch {
                throw invalid("--inventory: \(error)")
            }
        }
        do {
            configuration.faults = try faults.map { try FaultRule(parsing: $0) }
        } catch {
            throw invalid("--fault: \(error)")
        }
        configuration.faultHeaderEnabled = faultHeader
        return configuration
    }
}
