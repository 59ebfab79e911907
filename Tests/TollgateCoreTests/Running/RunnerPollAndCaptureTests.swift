import Foundation
import Testing

@testable import TollgateCore

@Suite("Runner: captures and polling")
struct RunnerPollAndCaptureTests {
    typealias M = TestModel

    private func poll(
        _ until: String = "string(/em:Task/em:State) = 'Finished'", failWhen: String? = nil,
        interval: Duration = .milliseconds(20), timeout: Duration = .seconds(5)
    ) -> PollSpec {
        PollSpec(
            until: M.query(until, line: 20), failWhen: failWhen.map { M.query($0, line: 21) }, interval: interval,
            timeout: timeout, location: M.at(19))
    }

    /// The discover → act → follow the task flow, with every kind of capture.
    @Test("captures from xpath, header, regex and json feed later steps; the task is polled to success")
    func discoverActPoll() async throws {
        let em = StubEnterpriseManager(routes: { request in
            request.path == "/api/info"
                ? .json(200, #"{"Job":{"Path":"/api/jobs/job-1"}}"#, headers: [("X-Next", "/api/jobs")]) : nil
        })
        let server = try await em.start()
        let steps = [
            M.step(
                "info", M.request(path: "/api/info"),
                captures: [
                    Capture(name: "jobs_path", source: .header("x-next"), location: M.at(2)),
                    Capture(name: "job_path", source: .json(M.query("string(/json/Job/Path)")), location: M.at(3)),
                ]),
            M.step(
                "find", M.request(path: "{{jobs_path}}"), expect: Expectations(status: M.status(200)),
                captures: [
                    Capture(name: "job_url", source: .xpath(M.query("string((/em:EntityReferences/em:Ref/@Href)[1])")), location: M.at(5))
                ]),
            M.step(
                "start", M.request("POST", url: "{{job_url}}", query: [("action", "start")]),
                expect: Expectations(status: M.status(202)),
                captures: [
                    Capture(name: "task_id", source: .regex(pattern: "<TaskId>(task-[0-9]+)</TaskId>", group: 1), location: M.at(7)),
                    Capture(name: "task_url", source: .xpath(M.query("string(/em:Task/@Href)")), location: M.at(8)),
                ]),
            M.step(
                "wait", M.request(url: "{{task_url}}"), expect: Expectations(
                    status: M.status(200),
                    xpath: [
                        M.assertion("string(/em:Task/em:Result/@Success)", .equals(.string("true"))),
                        M.assertion("string(/em:Task/em:TaskId)", .equals(.string("task-1"))),
                    ]),
                poll: poll()),
            M.step("same id", M.request(path: "/api/tasks/{{task_id}}"), expect: Expectations(status: M.status(200))),
        ]
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("flow", [M.scenario("flow", steps: steps)])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        let scenario = try #require(report.scenarios.first)
        #expect(scenario.outcome.isPassed, "\(String(describing: scenario.outcome.finding))")
        #expect(server.requests.map(\.target).contains("/api/jobs/job-1?action=start"))
        let wait = scenario.steps[3]
        #expect(wait.exchanges.count == 3)
        #expect(wait.exchanges.map(\.attempt) == [1, 2, 3])
        #expect(wait.exchanges.map(\.note) == ["until=false, State=Running", "until=false, State=Running", "until=true, State=Finished"])
        #expect(wait.exchanges.map { $0.response?.status } == [200, 200, 200])
        #expect(wait.exchanges[1].offset >= .milliseconds(20))
        #expect(wait.exchanges[0].offset < wait.exchanges[1].offset)
        #expect(server.requests.last { $0.method == "GET" }?.path == "/api/tasks/task-1")
    }

    @Test("a capture that finds nothing fails the step and later steps do not run")
    func captureNotFound() async throws {
        let server = try await StubEnterpriseManager().start()
        let steps = [
            M.step(
                "find", M.request(path: "/api/jobs"),
                captures: [Capture(name: "missing", source: .xpath(M.query("string(/em:EntityReferences/em:Nope/@Href)")), location: M.at(4))]),
            M.step("never", M.request(path: "/api/{{missing}}")),
        ]
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [M.scenario("s", steps: steps)])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        let scenario = try #require(report.scenarios.first)
        #expect(scenario.outcome.isFailed)
        #expect(scenario.outcome.finding?.message == "capture `missing`: xpath string(/em:EntityReferences/em:Nope/@Href) found nothing (empty string)")
        #expect(scenario.outcome.finding?.diagnostic?.location == M.at(4))
        #expect(scenario.steps.count == 1)
    }

    @Test("fail-when stops polling at once and fails with the task's Result message")
    func terminalFailure() async throws {
        let server = try await StubEnterpriseManager().start()
        let step = M.step(
            "wait", M.request(path: "/api/tasks/fail-1"),
            poll: poll(failWhen: "/em:Task/em:Result/@Success = 'false'"))
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [M.scenario("s", steps: [step])])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        let scenario = try #require(report.scenarios.first)
        let finding = try #require(scenario.outcome.finding)
        #expect(scenario.outcome.isFailed)
        #expect(finding.message == "terminal condition /em:Task/em:Result/@Success = 'false' held at attempt 2")
        #expect(finding.notes.contains("Result Message: Job failed: disk full"))
        #expect(finding.notes.contains("Result Success: false"))
        #expect(finding.diagnostic?.location == M.at(21))
        #expect(scenario.steps[0].exchanges.count == 2)
        #expect(scenario.steps[0].exchanges.last?.note == "until=true, fail-when=true, State=Finished")
    }

    @Test("polling times out on the wall clock with every attempt recorded")
    func timeout() async throws {
        let server = try await StubEnterpriseManager().start()
        let step = M.step("wait", M.request(path: "/api/tasks/never-1"), poll: poll(interval: .milliseconds(100), timeout: .milliseconds(1500)))
        let clock = ContinuousClock()
        let started = clock.now
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [M.scenario("s", steps: [step])])], RunnerTestSupport.configuration(server.baseURL))
        let elapsed = clock.now - started
        await server.stop()
        let scenario = try #require(report.scenarios.first)
        let finding = try #require(scenario.outcome.finding)
        let attempts = scenario.steps[0].exchanges.count
        #expect(scenario.outcome.isFailed)
        #expect(finding.message == "poll timed out after 1.5 s (\(attempts) attempts, last state Running)")
        #expect(attempts >= 2)  // timing under a loaded test run; the exact count does not matter
        #expect(attempts <= 16)
        #expect(scenario.steps[0].exchanges.allSatisfy { $0.note == "until=false, State=Running" })
        #expect(elapsed < .seconds(10))
        #expect(scenario.steps[0].duration < .seconds(8), "the wall-clock timeout bounds the poll")
    }

    @Test("poll over JSON bodies reads the mapping")
    func jsonPoll() async throws {
        let server = try await FaultServer.start { request in
            .json(200, #"{"State":"Finished","Result":{"Success":true,"Message":"Ok"}}"#)
        }
        let step = M.step(
            "wait", M.request(path: "/api/tasks/t"),
            poll: PollSpec(until: M.query("/json/State = 'Finished'"), bodyKind: .json, interval: .milliseconds(10), location: M.at(2)))
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [M.scenario("s", session: .none, steps: [step])])], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        #expect(report.scenarios[0].outcome.isPassed)
        #expect(report.scenarios[0].steps[0].exchanges.first?.note == "until=true, State=Finished")
    }

    @Test("a poll answer that is not XML is an error naming the attempt")
    func pollUnusableBody() async throws {
        let server = try await FaultServer.start { _ in .respond(status: 200, headers: [], body: Array("busy".utf8)) }
        let step = M.step("wait", M.request(path: "/x"), poll: poll())
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [M.scenario("s", session: .none, steps: [step])])], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        #expect(report.scenarios[0].outcome.isErrored)
        #expect(report.scenarios[0].outcome.finding?.message.hasPrefix("poll attempt 1: the response body is not XML") == true)
    }

    @Test("setup failure errors the scenario and skips its steps; teardown still runs")
    func setupAndTeardown() async throws {
        let server = try await StubEnterpriseManager().start()
        let scenario = M.scenario(
            "s", setup: [M.step("setup", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(204)))],
            steps: [M.step("main", M.request(path: "/api/main"))],
            teardown: [M.step("cleanup", M.request("DELETE", path: "/api/cleanup"))])
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        let result = try #require(report.scenarios.first)
        #expect(result.outcome.isErrored)
        #expect(result.outcome.finding?.message == "expected status 204, got 200")
        #expect(result.steps.map(\.phase) == [.setup, .teardown])
        #expect(!server.requests.contains { $0.path == "/api/main" })
        #expect(server.requests.contains { $0.path == "/api/cleanup" })
    }

    @Test("a failed step stops the steps; teardown runs; a teardown problem errors a scenario that had passed")
    func teardownAfterFailure() async throws {
        let server = try await StubEnterpriseManager().start()
        let failing = M.scenario(
            "failing",
            steps: [
                M.step("fails", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(201))),
                M.step("skipped", M.request(path: "/api/never")),
            ],
            teardown: [M.step("cleanup 1", M.request(path: "/api/jobs")), M.step("cleanup 2", M.request(path: "/api/jobs"))])
        let passingButBadTeardown = M.scenario(
            "bad teardown", steps: [M.step("ok", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(200)))],
            teardown: [
                M.step("cleanup", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(204, line: 30)), line: 29),
                M.step("uses a capture that never happened", M.request(path: "/api/{{nothing}}")),
            ])
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [failing, passingButBadTeardown])], RunnerTestSupport.configuration(server.baseURL))
        await server.stop()
        #expect(report.scenarios[0].outcome.isFailed)
        #expect(report.scenarios[0].steps.map(\.name) == ["fails", "cleanup 1", "cleanup 2"])
        #expect(!server.requests.contains { $0.path == "/api/never" })
        #expect(report.scenarios[1].outcome.isErrored)
        #expect(report.scenarios[1].outcome.finding?.message == "expected status 204, got 200")
        #expect(report.scenarios[1].steps.count == 3)
        #expect(report.scenarios[1].steps[2].outcome.finding?.message.hasPrefix("variable `nothing` has no value") == true)
    }
}
