import Foundation
import Testing

@testable import TollgateCore

/// TLS verification against a real TLS server: `openssl s_server` with a certificate made for the test.
/// (The test target has no TLS library of its own; the tests are skipped where `openssl` is missing.)
@Suite("Runner: TLS verification", .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: OpenSSLServer.openssl)))
struct RunnerTLSTests {
    typealias M = TestModel

    private func run(_ server: OpenSSLServer, tls: TLSOptions) async -> ScenarioReport {
        var configuration = RunnerTestSupport.configuration("https://127.0.0.1:\(server.port)", logOn: false, timeout: .seconds(5))
        configuration.tls = tls
        let scenario = M.scenario("tls", session: .none, steps: [M.step("get", M.request(path: "/"), expect: Expectations(status: M.status(200)))])
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], configuration)
        return report.scenarios[0]
    }

    @Test("verification is on by default: a self-signed certificate is refused")
    func verifiesByDefault() async throws {
        let server = try await OpenSSLServer.start()
        let scenario = await run(server, tls: TLSOptions())
        await server.stop()
        #expect(scenario.outcome.isErrored)
        #expect(scenario.outcome.finding?.message.contains("TLS error") == true, "\(String(describing: scenario.outcome.finding?.message))")
    }

    @Test("--cacert trusts the given certificate")
    func trustsCACert() async throws {
        let server = try await OpenSSLServer.start()
        #expect(throws: Never.self) { try Runner.validate(RunConfiguration(baseURL: "https://127.0.0.1", tls: TLSOptions(caCertificatePath: server.certificatePath))) }
        let scenario = await run(server, tls: TLSOptions(caCertificatePath: server.certificatePath))
        await server.stop()
        #expect(scenario.outcome.isPassed, "\(String(describing: scenario.outcome.finding?.message))")
    }

    @Test("--insecure skips verification")
    func insecure() async throws {
        let server = try await OpenSSLServer.start()
        let scenario = await run(server, tls: TLSOptions(insecure: true))
        await server.stop()
        #expect(scenario.outcome.isPassed, "\(String(describing: scenario.outcome.finding?.message))")
    }
}

/// `openssl s_server -www` on 127.0.0.1 with a fresh self-signed certificate for 127.0.0.1.
/// Starting and stopping block (process I/O), so they run on a thread of their own, never on the
/// cooperative pool (blocking it starves every other test). Only `start`/`stop` touch the process.
final class OpenSSLServer: @unchecked Sendable {
    static let openssl = "/usr/bin/openssl"

    let port: Int
    let certificatePath: String
    private let directory: URL
    private let process: Process

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts the server on a separate thread.
    static func start() async throws -> OpenSSLServer {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try OpenSSLServer() }) }.start()
        }
    }

    private init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tollgate-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: Self.openssl)
        generate.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-addext",
            "subjectAltName=IP:127.0.0.1", "-days", "2", "-keyout", key, "-out", certificate,
        ]
        generate.standardOutput = FileHandle.nullDevice
        generate.standardError = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        guard generate.terminationStatus == 0 else { throw Failure(description: "openssl req failed") }

        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.openssl)
        server.arguments = ["s_server", "-www", "-accept", "127.0.0.1:0", "-cert", certificate, "-key", key]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        server.standardInput = Pipe()
        try server.run()

        // s_server prints "ACCEPT 127.0.0.1:PORT" once it listens.
        var text = ""
        var found: Int?
        let handle = output.fileHandleForReading
        while found == nil {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
                let portText = line.split(separator: ":").last
            {
                found = Int(portText.trimmingCharacters(in: .whitespaces))
            }
        }
        guard let port = found else {
            server.terminate()
            throw Failure(description: "openssl s_server did not start: \(text)")
        }
        self.port = port
        self.certificatePath = certificate
        self.directory = directory
        self.process = server
    }

    /// Stops the server (SIGKILL: started from a dispatch thread, it inherited a blocked SIGTERM) and
    /// removes its files.
    func stop() async {
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }
}
