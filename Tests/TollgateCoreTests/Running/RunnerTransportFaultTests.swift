import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import TollgateCore

@Suite("Runner: transport faults are errors, never hangs")
struct RunnerTransportFaultTests {
    typealias M = TestModel

    /// Runs one GET against `baseURL` with a short request timeout and returns the scenario and elapsed time.
    private func run(
        _ baseURL: String, timeout: Duration = .seconds(5), maxBody: Int = RunConfiguration.defaultMaxBodyBytes,
        expect: Expectations = Expectations(status: M.status(200))
    ) async -> (scenario: ScenarioReport, elapsed: Duration) {
        var configuration = RunnerTestSupport.configuration(baseURL, logOn: false, timeout: timeout)
        configuration.maxBodyBytes = maxBody
        let scenario = M.scenario("fault", session: .none, steps: [M.step("get", M.request(path: "/api/x", line: 3), expect: expect)])
        let clock = ContinuousClock()
        let start = clock.now
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], configuration)
        return (report.scenarios[0], clock.now - start)
    }

    private func fault(_ action: FaultServer.Action, timeout: Duration = .seconds(5), maxBody: Int = RunConfiguration.defaultMaxBodyBytes)
        async throws -> (scenario: ScenarioReport, elapsed: Duration)
    {
        // The fault is the step's; the profile's fingerprint probe (`GET /api/`) gets a plain 404.
        let server = try await FaultServer.start { request in request.path == "/api/" ? .empty(404) : action }
        let result = await run(server.baseURL, timeout: timeout, maxBody: maxBody)
        await server.stop()
        return result
    }

    @Test("connection refused")
    func refused() async throws {
        // Bind a port, then close it: nothing listens there any more.
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        let (scenario, elapsed) = await run("http://127.0.0.1:\(port)")
        let finding = try #require(scenario.outcome.finding)
        #expect(scenario.outcome.isErrored)
        #expect(finding.message == "GET http://127.0.0.1:\(port)/api/x: could not connect: connection refused")
        #expect(finding.diagnostic?.location == M.at(3))
        #expect(finding.exchange?.response == nil)
        #expect(finding.exchange?.request.url == "http://127.0.0.1:\(port)/api/x")
        #expect(elapsed < .seconds(10))  // no hang; generous: tests share two loaded cores
    }

    @Test("a server that accepts and never answers times out within the limit")
    func hang() async throws {
        let (scenario, elapsed) = try await fault(.hang, timeout: .milliseconds(500))
        #expect(scenario.outcome.isErrored)
        #expect(scenario.outcome.finding?.message.hasSuffix("request timed out after 500 ms") == true)
        #expect(elapsed >= .milliseconds(450))
        #expect(elapsed < .seconds(10))  // no hang; generous: tests share two loaded cores
    }

    @Test("a body trickled slower than the limit times out (the limit covers the whole body)")
    func trickle() async throws {
        let (scenario, elapsed) = try await fault(.trickle(total: 400, interval: .milliseconds(50)), timeout: .milliseconds(600))
        #expect(scenario.outcome.isErrored)
        #expect(scenario.outcome.finding?.message.hasSuffix("request timed out after 600 ms") == true)
        #expect(elapsed < .seconds(10))  // no hang; generous: tests share two loaded cores
    }

    @Test("a connection reset in the middle of the body")
    func resetMidBody() async throws {
        let (scenario, _) = try await fault(.resetMidBody(declared: 10_000, sent: 100))
        #expect(scenario.outcome.isErrored)
        let message = try #require(scenario.outcome.finding?.message)
        #expect(message.contains("connection closed before the response was complete") || message.contains("connection reset"), "\(message)")
    }

    @Test("garbage instead of HTTP")
    func garbage() async throws {
        let (scenario, _) = try await fault(.garbage(Array("SSH-2.0-OpenSSH_9.6\r\n\u{0}\u{1}\u{2}garbage\r\n\r\n".utf8)))
        #expect(scenario.outcome.isErrored)
        #expect(scenario.outcome.finding?.message.contains("malformed HTTP response") == true, "\(String(describing: scenario.outcome.finding?.message))")
    }

    @Test("a streamed body over the cap stops reading and errors")
    func hugeChunkedBody() async throws {
        let (scenario, elapsed) = try await fault(.hugeChunked(total: 64 * 1024 * 1024), timeout: .seconds(30), maxBody: 256 * 1024)
        #expect(scenario.outcome.isErrored)
        #expect(scenario.outcome.finding?.message.hasSuffix("response body larger than 262144 bytes (limit); reading stopped") == true)
        #expect(elapsed < .seconds(20))  // stopped by the cap, well before the 30 s limit
    }

    @Test("a declared Content-Length over the cap errors before reading")
    func hugeDeclaredBody() async throws {
        let (scenario, _) = try await fault(.hugeDeclared(declared: 2 * 1024 * 1024), timeout: .seconds(5), maxBody: 1024)
        #expect(scenario.outcome.isErrored)
        #expect(scenario.outcome.finding?.message.contains("larger than 1024 bytes") == true)
    }

    @Test("a body exactly at the cap is fine")
    func bodyAtCap() async throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 1024)
        let (scenario, _) = try await fault(.respond(status: 200, headers: [], body: body), maxBody: 1024)
        #expect(scenario.outcome.isPassed)
        #expect(scenario.steps[0].exchanges[0].response?.bodySize == 1024)
    }

    @Test(
        "an unusable URL (e.g. from a capture) is an error, not a crash",
        arguments: ["ftp://127.0.0.1/x", "http://127.0.0.1:99999/x", "http://127.0.0.1:0/x", "not a url", "http:///path", ""])
    func badURL(url: String) async throws {
        let scenario = M.scenario("bad", session: .none, steps: [M.step("get", M.request(url: url))])
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], RunnerTestSupport.configuration("http://127.0.0.1:1", logOn: false))
        #expect(report.scenarios[0].outcome.isErrored)
        #expect(report.scenarios[0].outcome.finding?.message.contains("invalid URL") == true)
    }

    @Test("https to a plain-HTTP server is a TLS/transport error, never a pass")
    func tlsToPlainServer() async throws {
        let server = try await FaultServer.start { _ in .empty(200) }
        let (scenario, elapsed) = await run("https://127.0.0.1:\(server.port)", timeout: .seconds(1))
        await server.stop()
        #expect(scenario.outcome.isErrored)
        // Two exchanges of at most 1 s each (the fingerprint probe and the step); generous: loaded cores.
        #expect(elapsed < .seconds(10))
    }

    @Test("configuration is validated up front with clear messages")
    func validation() throws {
        #expect(throws: Never.self) { try Runner.validate(RunConfiguration(baseURL: "https://em.example.com:9398")) }
        let cases: [(RunConfiguration, String)] = [
            (RunConfiguration(baseURL: "em.example.com:9398"), "not an http:// or https:// URL"),
            (RunConfiguration(baseURL: "ftp://em"), "not an http:// or https:// URL"),
            (RunConfiguration(baseURL: "http://"), "no host"),
            (RunConfiguration(baseURL: "http://em/api?x=1"), "remove the query"),
            (RunConfiguration(baseURL: "http://em:70000"), "outside 1…65535"),
            (RunConfiguration(baseURL: "http://em", jobs: 0), "at least 1"),
            (RunConfiguration(baseURL: "http://em", tls: TLSOptions(caCertificatePath: "/nonexistent/ca.pem")), "does not exist or cannot be read"),
            (RunConfiguration(baseURL: "http://em", tls: TLSOptions(caCertificatePath: #filePath)), "--cacert"),
        ]
        for (configuration, text) in cases {
            do {
                try Runner.validate(configuration)
                Issue.record("\(configuration.baseURL) should not validate (\(text))")
            } catch {
                #expect(error.message.contains(text), "\(error.message)")
            }
        }
    }

    @Test("an unreadable --cacert at run time errors every scenario instead of throwing")
    func badCACertAtRunTime() async throws {
        var configuration = RunnerTestSupport.configuration("https://127.0.0.1:1", logOn: false)
        configuration.tls = TLSOptions(caCertificatePath: "/nonexistent/ca.pem")
        let scenario = M.scenario("s", session: .none, steps: [M.step("get", M.request(path: "/"))])
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], configuration)
        #expect(report.scenarios[0].outcome.isErrored)
        #expect(report.scenarios[0].outcome.finding?.message.contains("--cacert") == true)
    }
}
