import Foundation
import Testing

@testable import TollgateCore

@Suite("Runner: secrets never leave unmasked")
struct RunnerMaskingTests {
    typealias M = TestModel

    @Test("password, Basic value, token, decoded token and session id appear nowhere in the report or events")
    func secretsMasked() async throws {
        // Routes that echo secrets back in every place a report can show: body, headers, reason, error text.
        let em = StubEnterpriseManager(routes: { request in
            switch request.path {
            case "/api/echo":
                let token = request.header("X-RestSvcSessionId") ?? ""
                return .xml(
                    500,
                    #"<Error Message="bad token \#(token) for session \#(StubEnterpriseManager.sessionID)" StatusCode="500"/>"#,
                    headers: [("X-Echo", token), ("Set-Cookie", "X-RestSvcSessionId=\(token)")])
            case "/api/secret":
                return .xml(200, "<Secret><Value>my-api-key-12345</Value></Secret>")
            case "/api/use":
                return .xml(200, "<Used>\(request.header("X-Key") ?? "")</Used>")
            default:
                return nil
            }
        })
        let server = try await em.start()
        let secretCapture = Capture(name: "key", source: .xpath(M.query("string(/Secret/Value)")), isSecret: true, location: M.at(4))
        let scenarios = [
            M.scenario(
                "echo", steps: [M.step("echo", M.request(path: "/api/echo"), expect: Expectations(status: M.status(200), body: [BodyExpectation(predicate: .contains("nothing"), location: M.at(2))]))]),
            M.scenario(
                "secret capture",
                steps: [
                    M.step("get", M.request(path: "/api/secret"), captures: [secretCapture]),
                    M.step(
                        "use", M.request(path: "/api/use", headers: [("X-Key", "{{key}}")]),
                        expect: Expectations(xpath: [M.assertion("string(/Used)", .equals(.string("other")))])),
                ]),
            M.scenario(
                "basic", session: .none,
                steps: [M.step("basic", M.request("POST", path: "/api/echo", auth: .runCredentials), expect: Expectations(status: M.status(201)))]),
        ]
        let configuration = RunnerTestSupport.configuration(server.baseURL)
        let (report, events, _) = await RunnerTestSupport.run([M.suite("s", scenarios)], configuration)
        await server.stop()

        // The scenarios failed in the ways intended, so their excerpts are in the report.
        #expect(report.scenarios[0].outcome.isFailed)
        #expect(report.scenarios[1].outcome.isFailed)
        #expect(report.scenarios[1].outcome.finding?.message == #"xpath string(/Used): expected "other", got "***""#)

        let basic = Data("\(StubEnterpriseManager.user):\(StubEnterpriseManager.password)".utf8).base64EncodedString()
        let secrets = [
            StubEnterpriseManager.password, basic, StubEnterpriseManager.token, StubEnterpriseManager.sessionID,
            "my-api-key-12345",
        ]
        let text = RunnerTestSupport.dumpText(report) + RunnerTestSupport.dumpText(events.all)
        for secret in secrets {
            #expect(!text.contains(secret), "secret \(secret.prefix(4))… leaked")
        }
        // The server really did receive them, and the masks are where they were.
        #expect(server.requests.contains { $0.header("X-RestSvcSessionId") == StubEnterpriseManager.token })
        #expect(server.requests.contains { $0.header("X-Key") == "my-api-key-12345" })
        let echo = try #require(report.scenarios[0].steps.first?.exchanges.first)
        #expect(echo.request.headers.first { $0.name == "X-RestSvcSessionId" }?.value == SecretMasker.mask)
        #expect(echo.response?.headers.first { $0.name == "Set-Cookie" }?.value == SecretMasker.mask)
        #expect(echo.response?.headers.first { $0.name == "X-Echo" }?.value == SecretMasker.mask)
        #expect(echo.response?.bodyExcerpt.contains("bad token *** for session ***") == true)
        #expect(report.scenarios[0].outcome.finding?.notes.contains("server said: bad token *** for session ***") == true)
        let logoff = events.all.compactMap { event -> String? in
            if case .loggedOff(_, let message) = event { return message ?? "ok" }
            return nil
        }
        #expect(logoff == ["ok"])
    }

    @Test("a failed logon's finding is masked, and so is its recorded request")
    func logonFailureMasked() async throws {
        let server = try await FaultServer.start { request in
            // A server that echoes the Authorization header and the password in its error.
            .xml(401, #"<Error Message="rejected \#(request.header("Authorization") ?? "") / \#(StubEnterpriseManager.password)" StatusCode="401"/>"#)
        }
        let scenario = M.scenario("s", steps: [M.step("get", M.request(path: "/api/jobs"))])
        let (report, events, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        let text = RunnerTestSupport.dumpText(report) + RunnerTestSupport.dumpText(events.all)
        let basic = Data("\(StubEnterpriseManager.user):\(StubEnterpriseManager.password)".utf8).base64EncodedString()
        #expect(!text.contains(StubEnterpriseManager.password))
        #expect(!text.contains(basic))
        #expect(report.scenarios[0].outcome.finding?.notes.contains("server said: rejected Basic *** / ***") == true)
    }

    @Test("a scenario that logs on by itself: its token and session id are masked without `secret: true`")
    func ownLogonMasked() async throws {
        let em = StubEnterpriseManager()
        let server = try await em.start()
        let scenario = M.scenario(
            "own logon", session: .none,
            steps: [
                M.step(
                    "log on", M.request("POST", path: "/api/sessionMngr/?v=latest", auth: .runCredentials),
                    expect: Expectations(status: M.status(201)),
                    captures: [Capture(name: "token", source: .header("X-RestSvcSessionId"), location: M.at(3))]),
                M.step(
                    "use it", M.request(path: "/api/jobs", headers: [("X-RestSvcSessionId", "{{token}}")]),
                    expect: Expectations(status: M.status(200))),
                M.step(
                    "session", M.request(path: "/api/nothing", headers: [("X-RestSvcSessionId", "{{token}}")]),
                    expect: Expectations(status: M.status(200))),
            ])
        let (report, events, _) = await RunnerTestSupport.run(
            [M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL, logOn: false).with(credentials: true))
        await server.stop()
        // The last step fails (404 with an Error body), so an excerpt and notes are in the report.
        #expect(report.scenarios[0].outcome.finding?.message == "expected status 200, got 404")
        #expect(server.requests.contains { $0.header("X-RestSvcSessionId") == StubEnterpriseManager.token })
        let text = RunnerTestSupport.dumpText(report) + RunnerTestSupport.dumpText(events.all)
        #expect(!text.contains(StubEnterpriseManager.token))
        #expect(!text.contains(StubEnterpriseManager.sessionID))
        #expect(!text.contains(StubEnterpriseManager.password))
    }

    @Test("exchange excerpts mask before cutting and are bounded")
    func excerpt() {
        let masker = SecretMasker()
        masker.add("abcdefghij-secret")
        let body = Array((String(repeating: "x", count: ExchangeRecorder.excerptLimit - 5) + "abcdefghij-secret" + String(repeating: "y", count: 10_000)).utf8)
        let recorded = ExchangeRecorder.body(body, masker: masker)
        let text = recorded.excerptWithSizeNote
        #expect(!text.contains("abcde"))
        #expect(text.count < ExchangeRecorder.excerptLimit + 40)
        #expect(text.hasSuffix("(\(body.count) bytes in all)"))
        #expect(recorded.isTruncated)
        #expect(recorded.size == body.count)
        // The hash is over the whole masked text, so it is not a hash of the secret.
        let masked = String(repeating: "x", count: ExchangeRecorder.excerptLimit - 5) + "***" + String(repeating: "y", count: 10_000)
        #expect(recorded.sha256 == ContentHash.sha256(masked))
    }
}
