import Foundation
import Testing

@testable import TollgateCore

@Suite("Runner: Enterprise Manager session")
struct RunnerSessionTests {
    typealias M = TestModel

    @Test("logs on once, sends the token on every shared request, logs off at the end")
    func logonTokenLogoff() async throws {
        let em = StubEnterpriseManager()
        let server = try await em.start()
        let scenarios = (1...3).map { index in
            M.scenario(
                "list \(index)", steps: [M.step("list", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(200)))])
        }
        let (report, events, _) = await RunnerTestSupport.run([M.suite("jobs", scenarios)], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()

        #expect(report.tally == Tally(report.scenarios))
        #expect(report.tally.passed == 3)
        // The fingerprint probe (`GET /api/`, no token) comes right after the logon.
        #expect(server.requests.map(\.path).filter { $0 == "/api/" } == ["/api/"])
        #expect(server.requests.firstIndex { $0.path == "/api/" } == 1)
        #expect(server.requests[1].header("X-RestSvcSessionId") == nil)
        let requests = server.requests.filter { $0.path != "/api/" }
        #expect(requests.map(\.method) == ["POST", "GET", "GET", "GET", "DELETE"])
        #expect(requests.first?.target == "/api/sessionMngr/?v=latest")
        #expect(requests.first?.header("Authorization")?.hasPrefix("Basic ") == true)
        #expect(requests.first?.header("X-RestSvcSessionId") == nil)
        for request in requests.dropFirst() {
            #expect(request.header("X-RestSvcSessionId") == StubEnterpriseManager.token)
            #expect(request.header("Authorization") == nil)
        }
        #expect(requests.last?.path == "/api/logonSessions/\(StubEnterpriseManager.sessionID)")
        #expect(em.logons == 1)
        #expect(em.logoffs == 1)
        let kinds = events.all.map { event -> String in
            switch event {
            case .loggedOn: return "on"
            case .loggedOff(let success, _): return "off:\(success)"
            case .logonFailed: return "failed"
            case .fingerprinted: return "fingerprint"
            case .scenarioStarted: return "start"
            case .scenarioFinished: return "finish"
            }
        }
        #expect(kinds == ["on", "fingerprint", "start", "finish", "start", "finish", "start", "finish", "off:true"])
    }

    @Test("logs off even when scenarios failed and errored")
    func logoffAfterFailures() async throws {
        let server = try await StubEnterpriseManager().start()
        let scenarios = [
            M.scenario("fails", steps: [M.step("list", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(204)))]),
            M.scenario("errors", steps: [M.step("bad url", M.request(url: "http://127.0.0.1:1/nothing"))]),
        ]
        let (report, events, _) = await RunnerTestSupport.run([M.suite("s", scenarios)], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        #expect(report.scenarios[0].outcome.isFailed)
        #expect(report.scenarios[1].outcome.isErrored)
        #expect(server.requests.last?.method == "DELETE")
        #expect(events.all.contains { if case .loggedOff(true, nil) = $0 { return true } else { return false } })
    }

    @Test("the Delete link comes from a JSON logon body too; without it, the documented fallback is used")
    func logoffURLSources() async throws {
        for mode in [StubEnterpriseManager.LogonMode.json, .noDeleteLink] {
            let em = StubEnterpriseManager(logonMode: mode)
            let server = try await em.start()
            let scenario = M.scenario("one", steps: [M.step("list", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(200)))])
            let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL))
            await server.stop()
            #expect(report.scenarios[0].outcome.isPassed, "logon mode \(mode)")
            #expect(em.logoffs == 1, "logon mode \(mode)")
        }
    }

    @Test("session: none sends no token; auth none/basic/literal override per step")
    func sessionModes() async throws {
        let server = try await StubEnterpriseManager().start()
        let scenarios = [
            M.scenario(
                "no session", session: .none,
                steps: [
                    M.step(
                        "unauthorized", M.request(path: "/api/jobs"),
                        expect: Expectations(
                            status: M.status(401),
                            headers: [HeaderExpectation(name: "WWW-Authenticate", predicate: .equals(.string("Basic Realm=RestSvc")), location: M.at(3))]))
                ]),
            M.scenario(
                "step auth", session: .shared,
                steps: [
                    M.step("none", M.request(path: "/api/jobs", auth: .none), expect: Expectations(status: M.status(401))),
                    M.step("basic", M.request("POST", path: "/api/sessionMngr/?v=v1_7", auth: .runCredentials), expect: Expectations(status: M.status(201))),
                    M.step(
                        "literal", M.request("POST", path: "/api/sessionMngr/", auth: .basic(user: M.template("tester"), password: M.template("wrong-{{suffix}}"))),
                        expect: Expectations(status: M.status(401))),
                ]),
        ]
        let configuration = RunnerTestSupport.configuration(server.baseURL)
        var withVariables = configuration
        withVariables.variables = ["suffix": "password"]
        let (report, _, masker) = await RunnerTestSupport.run([M.suite("s", scenarios)], withVariables)
        await server.stop()
        #expect(report.scenarios.allSatisfy { $0.outcome.isPassed }, "\(report.scenarios.map(\.outcome))")
        let requests = server.requests.filter { $0.method != "DELETE" }.dropFirst()  // after the run's logon
        #expect(requests.allSatisfy { $0.header("X-RestSvcSessionId") == nil })
        let literal = try #require(requests.last)
        #expect(literal.header("Authorization") == "Basic " + Data("tester:wrong-password".utf8).base64EncodedString())
        // The literal password became a secret too.
        #expect(masker("wrong-password") == SecretMasker.mask)
        let recorded = report.scenarios[1].steps[2].exchanges[0].request.headers
        #expect(recorded.first { $0.name == "Authorization" }?.value == SecretMasker.mask)
    }

    @Test("a failed logon errors every shared scenario with the server's message; session: none still runs; no logoff")
    func logonFailure() async throws {
        let em = StubEnterpriseManager(logonMode: .unauthorized)
        let server = try await em.start()
        let scenarios = [
            M.scenario("shared", steps: [M.step("list", M.request(path: "/api/jobs"))]),
            M.scenario("none", session: .none, steps: [M.step("root", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(401)))]),
        ]
        let (report, events, _) = await RunnerTestSupport.run([M.suite("s", scenarios)], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        let finding = try #require(report.scenarios[0].outcome.finding)
        #expect(report.scenarios[0].outcome.isErrored)
        #expect(finding.message == "logon failed: expected status 201, got 401")
        #expect(finding.notes.contains("server said: Invalid credentials"))
        #expect(finding.exchange?.response?.status == 401)
        #expect(report.scenarios[0].steps.isEmpty)
        #expect(report.scenarios[1].outcome.isPassed)
        #expect(!server.requests.contains { $0.method == "DELETE" })
        #expect(events.all.contains { if case .logonFailed = $0 { return true } else { return false } })
        #expect(!events.all.contains { if case .loggedOff = $0 { return true } else { return false } })
    }

    @Test("a logon without X-RestSvcSessionId is a clear logon failure")
    func logonWithoutToken() async throws {
        let server = try await StubEnterpriseManager(logonMode: .noToken).start()
        let scenario = M.scenario("shared", steps: [M.step("list", M.request(path: "/api/jobs"))])
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        #expect(report.scenarios[0].outcome.finding?.message == "logon failed: the 201 response has no X-RestSvcSessionId header")
    }

    @Test("no credentials: no logon, shared scenarios run without a token")
    func noCredentials() async throws {
        let server = try await StubEnterpriseManager().start()
        let scenario = M.scenario("shared", steps: [M.step("list", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(401)))])
        let (report, events, _) = await RunnerTestSupport.run(
            [M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        #expect(report.scenarios[0].outcome.isPassed)
        #expect(server.scenarioRequests.map(\.method) == ["GET"])
        #expect(events.all.count == 3)  // fingerprinted, started, finished
    }

    @Test("a 401 on a shared-session request is reported as a rejected session, with no second logon")
    func sessionRejected() async throws {
        let em = StubEnterpriseManager(routes: { request in
            request.path == "/api/expired"
                ? .xml(401, #"<Error Message="session expired" StatusCode="401"/>"#) : nil
        })
        let server = try await em.start()
        let scenarios = (1...3).map { index in
            M.scenario("s\(index)", steps: [M.step("expired", M.request(path: "/api/expired", line: 7), expect: Expectations(status: M.status(200)))])
        }
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", scenarios)], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        for scenario in report.scenarios {
            let finding = try #require(scenario.outcome.finding)
            #expect(scenario.outcome.isErrored)
            #expect(finding.message == "session expired or rejected (401)")
            #expect(finding.notes.contains("server said: session expired"))
            #expect(finding.diagnostic?.location?.line == 7)
        }
        #expect(em.logons == 1)
    }
}
