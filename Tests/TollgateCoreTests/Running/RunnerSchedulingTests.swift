import Foundation
import Synchronization
import Testing

@testable import TollgateCore

/// Counts requests in flight at the server, to observe the runner's parallelism.
final class InFlight: Sendable {
    private let state = Mutex<(current: Int, peak: Int)>((0, 0))

    func enter() { state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    func leave() { state.withLock { $0.current -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}

@Suite("Runner: scheduling, fail-fast, tags, interruption")
struct RunnerSchedulingTests {
    typealias M = TestModel

    @Test("--jobs 32 with 100 scenarios: bounded parallelism, report in input order, nothing lost or duplicated")
    func jobsOrdering() async throws {
        let inFlight = InFlight()
        let server = try await FaultServer.start { request in
            inFlight.enter()
            defer { inFlight.leave() }
            let id = request.path.split(separator: "/").last.map(String.init) ?? ""
            try? await Task.sleep(for: .milliseconds(Int.random(in: 1...40)))
            return .xml(200, "<Item><Id>\(id)</Id></Item>")
        }
        let suites = (0..<4).map { suiteIndex in
            M.suite(
                "suite \(suiteIndex)",
                (0..<25).map { index in
                    let id = suiteIndex * 25 + index
                    return M.scenario(
                        "scenario \(id)", session: .none,
                        steps: [
                            M.step(
                                "get \(id)", M.request(path: "/api/items/\(id)"),
                                expect: Expectations(status: M.status(200), xpath: [M.assertion("string(/Item/Id)", .equals(.string("\(id)")))]))
                        ])
                }, file: "Specs/suite\(suiteIndex).yaml")
        }
        let (report, events, _) = await RunnerTestSupport.run(suites, RunnerTestSupport.configuration(server.baseURL, logOn: false, jobs: 32))
        await server.stop()

        #expect(report.suites.map(\.name) == ["suite 0", "suite 1", "suite 2", "suite 3"])
        #expect(report.suites.map(\.file) == (0..<4).map { "Specs/suite\($0).yaml" })
        #expect(report.scenarios.map(\.name) == (0..<100).map { "scenario \($0)" })
        #expect(report.scenarios.allSatisfy { $0.outcome.isPassed })
        #expect(report.tally.passed == 100)
        #expect(server.scenarioRequests.count == 100)
        #expect(Set(server.scenarioRequests.map(\.path)).count == 100)
        #expect(events.finished.count == 100)
        #expect(Set(events.finished.map(\.name)).count == 100)
        #expect(events.started.count == 100)
        #expect(inFlight.peak <= 32)
        #expect(inFlight.peak > 1)
        for suite in report.suites {
            #expect(suite.scenarios.allSatisfy { $0.suiteName == suite.name })
        }
        // Each scenario is handed over once, with its place in input order.
        #expect(events.finished.map(\.ordinal).sorted() == Array(0..<100))
    }

    @Test("--jobs 1 runs one scenario at a time")
    func sequential() async throws {
        let inFlight = InFlight()
        let server = try await FaultServer.start { _ in
            inFlight.enter()
            defer { inFlight.leave() }
            try? await Task.sleep(for: .milliseconds(5))
            return .empty(200)
        }
        let scenarios = (0..<8).map { M.scenario("s\($0)", session: .none, steps: [M.step("get", M.request(path: "/x"))]) }
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", scenarios)], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        #expect(report.tally.passed == 8)
        #expect(inFlight.peak == 1)
    }

    @Test("--fail-fast: after the first failure, scenarios not started are not run")
    func failFast() async throws {
        let server = try await FaultServer.start { request in request.path == "/bad" ? .empty(500) : .empty(200) }
        let scenarios = ["/ok", "/bad", "/ok", "/ok"].enumerated().map { index, path in
            M.scenario("s\(index)", session: .none, steps: [M.step("get", M.request(path: path), expect: Expectations(status: M.status(200)))])
        }
        var configuration = RunnerTestSupport.configuration(server.baseURL, logOn: false)
        configuration.failFast = true
        let (report, events, _) = await RunnerTestSupport.run([M.suite("s", scenarios)], configuration)
        await server.stop()
        #expect(report.scenarios[0].outcome.isPassed)
        #expect(report.scenarios[1].outcome.isFailed)
        #expect(report.scenarios[2].outcome.notRunReason == "not run: --fail-fast")
        #expect(report.scenarios[3].outcome.notRunReason == "not run: --fail-fast")
        #expect(server.scenarioRequests.count == 2)
        #expect(report.interrupted == false)
        #expect(events.finished.count == 4)
        #expect(report.tally.skipped == 2)
    }

    @Test("tags select scenarios; the others are left out, and an empty suite is omitted; skip: sends nothing")
    func tagsAndSkip() async throws {
        let server = try await FaultServer.start { _ in .empty(200) }
        let first = M.suite(
            "first",
            [
                M.scenario("smoke", tags: ["smoke"], session: .none, steps: [M.step("get", M.request(path: "/smoke"))]),
                M.scenario("slow smoke", tags: ["smoke", "slow"], session: .none, steps: [M.step("get", M.request(path: "/slow"))]),
                M.scenario("skipped smoke", tags: ["smoke"], session: .none, skip: "server bug 123", steps: [M.step("get", M.request(path: "/skipped"))]),
                M.scenario("agents", tags: ["agents"], session: .none, steps: [M.step("get", M.request(path: "/agents"))]),
            ])
        let second = M.suite("second", [M.scenario("other", tags: ["agents"], session: .none, steps: [M.step("get", M.request(path: "/other"))])])
        var configuration = RunnerTestSupport.configuration(server.baseURL, logOn: false)
        configuration.tagFilter = TagFilter(include: ["smoke"], exclude: ["slow"])
        let (report, _, _) = await RunnerTestSupport.run([first, second], configuration)
        await server.stop()
        #expect(report.suites.map(\.name) == ["first"])
        #expect(report.scenarios.map(\.name) == ["smoke", "skipped smoke"])
        if case .skipped(let reason) = report.scenarios[1].outcome {
            #expect(reason == "server bug 123")
        } else {
            Issue.record("expected skipped, got \(report.scenarios[1].outcome)")
        }
        #expect(server.scenarioRequests.map(\.path) == ["/smoke"])
    }

    @Test("cancellation returns within a second, keeps finished results, marks the rest interrupted, and logs off")
    func cancellation() async throws {
        let em = StubEnterpriseManager(routes: { request in request.path == "/api/hang" ? .hang : nil })
        let server = try await em.start()
        let scenarios = [
            M.scenario("done", steps: [M.step("list", M.request(path: "/api/jobs"), expect: Expectations(status: M.status(200)))]),
            M.scenario("hangs", steps: [M.step("hang", M.request(path: "/api/hang"))], teardown: [M.step("cleanup", M.request(path: "/api/cleanup"))]),
            M.scenario("never started", steps: [M.step("list", M.request(path: "/api/jobs"))]),
        ]
        let configuration = RunnerTestSupport.configuration(server.baseURL, timeout: .seconds(30))
        let events = EventLog()
        let runner = Runner(configuration: configuration, masker: SecretMasker())
        let task = Task { await runner.run([M.suite("s", scenarios)]) { events.record($0) } }

        // Wait until the hanging request is at the server.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while !server.requests.contains(where: { $0.path == "/api/hang" }), clock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let cancelledAt = clock.now
        task.cancel()
        let report = CollectedRun(await task.value, events)
        let took = clock.now - cancelledAt
        await server.stop()

        #expect(took < .seconds(2), "cancellation must not wait for the hanging request (issue: report within 2 s)")
        #expect(report.interrupted)
        #expect(report.scenarios.map(\.name) == ["done", "hangs", "never started"])
        #expect(report.scenarios[0].outcome.isPassed)
        #expect(report.scenarios[1].outcome.notRunReason == "interrupted")
        #expect(report.scenarios[2].outcome.notRunReason == "interrupted")
        #expect(!server.requests.contains { $0.path == "/api/cleanup" })
        #expect(server.requests.last?.method == "DELETE")
        #expect(em.logoffs == 1)
        #expect(events.all.contains { if case .loggedOff(true, _) = $0 { return true } else { return false } })
    }

    @Test("cancellation during a poll's sleep is prompt too")
    func cancellationWhilePolling() async throws {
        let server = try await StubEnterpriseManager().start()
        let poll = PollSpec(until: M.query("string(/em:Task/em:State) = 'Finished'"), interval: .seconds(20), timeout: .seconds(60), location: M.at(2))
        let scenario = M.scenario("poll", steps: [M.step("wait", M.request(path: "/api/tasks/never-1"), poll: poll)])
        let runner = Runner(configuration: RunnerTestSupport.configuration(server.baseURL), masker: SecretMasker())
        let events = EventLog()
        let task = Task { await runner.run([M.suite("s", [scenario])]) { events.record($0) } }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(10))
        while !server.requests.contains(where: { $0.path.hasPrefix("/api/tasks/") }), clock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(50))
        let cancelledAt = clock.now
        task.cancel()
        let report = CollectedRun(await task.value, events)
        #expect(clock.now - cancelledAt < .seconds(3), "a 20 s poll interval must not delay cancellation")
        await server.stop()
        #expect(report.scenarios[0].outcome.notRunReason == "interrupted")
        #expect(report.scenarios[0].steps.first?.exchanges.count == 1)
        #expect(server.requests.last?.method == "DELETE")
    }
}
