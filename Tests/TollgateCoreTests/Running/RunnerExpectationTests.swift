import Foundation
import Testing

@testable import TollgateCore

@Suite("Runner: expectations")
struct RunnerExpectationTests {
    typealias M = TestModel

    static let taskXML = """
        <?xml version="1.0" encoding="utf-8"?>
        <Task xmlns="http://www.veeam.com/ent/v1.0" Href="http://h/api/tasks/task-1" Type="Task">
          <Links><Link Href="http://h/api/tasks/task-1" Rel="Delete"/></Links>
          <TaskId>task-1</TaskId>
          <State>Running</State>
          <Operation>StartJob</Operation>
        </Task>
        """
    static let taskJSON = #"{"TaskId":"task-1","State":"Running","Links":[{"Rel":"Delete","Href":"http://h/api/tasks/task-1"}],"Progress":40,"Done":false}"#

    static var schemaPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/running/task.xsd").path
    }

    /// Runs one step against a server answering every request with `action`.
    private func outcome(
        of expect: Expectations, _ action: FaultServer.Action
    ) async throws -> (outcome: Outcome, steps: [StepReport]) {
        let server = try await FaultServer.start { _ in action }
        let scenario = M.scenario("s", session: .none, steps: [M.step("get", M.request(path: "/api/tasks/task-1", line: 4), expect: expect)])
        let (report, _, _) = await RunnerTestSupport.run(
            [M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        let result = try #require(report.scenarios.first)
        return (result.outcome, result.steps)
    }

    @Test("status: a list of accepted codes")
    func status() async throws {
        #expect(try await outcome(of: Expectations(status: M.status(200, 202)), .xml(202, Self.taskXML)).outcome.isPassed)
        let failed = try await outcome(of: Expectations(status: M.status(202, line: 9)), .xml(200, Self.taskXML)).outcome
        #expect(failed.isFailed)
        #expect(failed.finding?.message == "expected status 202, got 200")
        #expect(failed.finding?.diagnostic?.location == M.at(9))
        #expect(failed.finding?.diagnostic?.sourceLine == "line 9 of the scenario file")
        #expect(failed.finding?.exchange?.response?.status == 200)
        let many = try await outcome(of: Expectations(status: M.status(200, 201, 204)), .empty(500)).outcome
        #expect(many.finding?.message == "expected status 200, 201 or 204, got 500")
    }

    @Test("headers: exact, predicates, missing")
    func headers() async throws {
        let action = FaultServer.Action.xml(200, Self.taskXML, headers: [("Location", "http://h/api/tasks/task-1")])
        let passing = Expectations(headers: [
            HeaderExpectation(name: "content-type", predicate: .matches("^application/xml"), location: M.at(5)),
            HeaderExpectation(name: "Location", predicate: .equals(.string("http://h/api/tasks/task-1")), location: M.at(6)),
            HeaderExpectation(name: "X-Missing", predicate: .exists(false), location: M.at(7)),
            HeaderExpectation(name: "Content-Length", predicate: .greaterThan(10), location: M.at(8)),
        ])
        #expect(try await outcome(of: passing, action).outcome.isPassed)
        let failing = Expectations(headers: [
            HeaderExpectation(name: "X-Missing", predicate: .exists(true), location: M.at(5)),
            HeaderExpectation(name: "Content-Type", predicate: .contains("json"), location: M.at(6)),
        ])
        let failed = try await outcome(of: failing, action).outcome
        #expect(failed.finding?.message == "header X-Missing: expected to exist, got no such header")
        #expect(failed.finding?.notes.contains(#"header Content-Type: expected to contain "json", got "application/xml""#) == true)
        #expect(failed.finding?.diagnostic?.location == M.at(5))
    }

    @Test("xpath: every predicate kind passes on the right value")
    func xpathPasses() async throws {
        let expect = Expectations(xpath: [
            M.assertion("string(/em:Task/em:State)", .equals(.string("Running"))),
            M.assertion("/em:Task/em:Links/em:Link[@Rel='Delete']", .count(1)),
            M.assertion("/em:Task/em:Result", .exists(false)),
            M.assertion("/em:Task/em:TaskId", .exists(true)),
            M.assertion("string(/em:Task/em:TaskId)", .matches("^task-[0-9]+$")),
            M.assertion("string(/em:Task/@Href)", .contains("/api/tasks/")),
            M.assertion("count(/em:Task/*)", .equals(.number(4))),
            M.assertion("count(/em:Task/*)", .lessThan(5)),
            M.assertion("count(/em:Task/*)", .greaterOrEqual(4)),
            M.assertion("/em:Task/em:State = 'Running'", .equals(.boolean(true))),
            M.assertion("string(/em:Task/em:State)", .notEquals(.string("Finished"))),
        ])
        let result = try await outcome(of: expect, .xml(200, Self.taskXML)).outcome
        #expect(result.isPassed, "\(String(describing: result.finding))")
    }

    @Test("xpath: every failed assertion is reported once (the first as the message); the diagnostic points at it")
    func xpathFailures() async throws {
        let expect = Expectations(
            status: M.status(200),
            xpath: [
                M.assertion("string(/em:Task/em:State)", .equals(.string("Finished")), line: 11),
                M.assertion("/em:Task/em:Links/em:Link", .count(2), line: 12),
                M.assertion("string(/em:Task/em:TaskId)", .count(1), line: 13),
                M.assertion("count(/em:Task/*)", .greaterThan(10), line: 14),
            ])
        let result = try await outcome(of: expect, .xml(200, Self.taskXML)).outcome
        let finding = try #require(result.finding)
        #expect(result.isFailed)
        #expect(finding.message == #"xpath string(/em:Task/em:State): expected "Finished", got "Running""#)
        #expect(finding.diagnostic?.location == M.at(11))
        // The message is the first failure; the notes list every other one once.
        try #require(finding.notes.count == 3)
        #expect(finding.notes[0] == "xpath /em:Task/em:Links/em:Link: expected count 2, got count 1")
        #expect(finding.notes[1].hasPrefix("xpath string(/em:Task/em:TaskId): count needs a node-set, but the query returned a string"))
        #expect(finding.notes[2] == "xpath count(/em:Task/*): expected a number > 10, got 4")
        #expect(finding.exchange?.response?.bodyExcerpt.contains("<TaskId>task-1</TaskId>") == true)
    }

    @Test("malformed, empty and non-XML bodies are errors naming the parse problem and line")
    func malformedXML() async throws {
        let expect = Expectations(xpath: [M.assertion("string(/em:Task/em:State)", .equals(.string("Running")), line: 6)])
        let broken = try await outcome(of: expect, .xml(200, "<Task>\n<State>Running</Stat>\n</Task>")).outcome
        #expect(broken.isErrored)
        let message = try #require(broken.finding?.message)
        #expect(message.hasPrefix("the response body is not XML: malformed XML at line 2"))
        #expect(broken.finding?.diagnostic?.location == M.at(6))

        let empty = try await outcome(of: expect, .empty(200)).outcome
        #expect(empty.isErrored)
        #expect(empty.finding?.message == "the response body is empty, expected XML")

        let html = try await outcome(of: expect, .respond(status: 200, headers: [], body: Array("<html><body>oops<br></body></html>".utf8))).outcome
        #expect(html.isErrored)
    }

    @Test("a wrong status with a non-XML body is a failure, and says the XPath was not checked")
    func wrongStatusAndUnusableBody() async throws {
        let expect = Expectations(status: M.status(200), xpath: [M.assertion("string(/em:Task/em:State)", .exists(true))])
        let result = try await outcome(of: expect, .respond(status: 503, headers: [], body: Array("Service Unavailable".utf8))).outcome
        #expect(result.isFailed)
        #expect(result.finding?.message == "expected status 200, got 503")
        #expect(result.finding?.notes.contains { $0.hasPrefix("not checked: the response body is not XML") } == true)
    }

    @Test("json: assertions through the documented mapping; a non-JSON body is an error")
    func json() async throws {
        let expect = Expectations(json: [
            M.assertion("string(/json/TaskId)", .equals(.string("task-1"))),
            M.assertion("/json/Links", .count(1)),
            M.assertion("string(/json/Links[Rel='Delete']/Href)", .contains("task-1")),
            M.assertion("/json/Progress", .equals(.number(40))),
            M.assertion("/json/Done", .equals(.boolean(false))),
        ])
        let passed = try await outcome(of: expect, .json(200, Self.taskJSON)).outcome
        #expect(passed.isPassed, "\(String(describing: passed.finding))")

        let failing = Expectations(json: [M.assertion("string(/json/State)", .equals(.string("Finished")))])
        let failed = try await outcome(of: failing, .json(200, Self.taskJSON)).outcome
        #expect(failed.finding?.message == #"json string(/json/State): expected "Finished", got "Running""#)

        let notJSON = try await outcome(of: failing, .xml(200, Self.taskXML)).outcome
        #expect(notJSON.isErrored)
        #expect(notJSON.finding?.message.hasPrefix("the response body is not JSON: invalid JSON at line 1") == true)
    }

    @Test("body predicates on the raw text")
    func body() async throws {
        let passing = Expectations(body: [
            BodyExpectation(predicate: .contains("<State>Running</State>"), location: M.at(3)),
            BodyExpectation(predicate: .matches("task-[0-9]"), location: M.at(4)),
            BodyExpectation(predicate: .exists(true), location: M.at(5)),
        ])
        #expect(try await outcome(of: passing, .xml(200, Self.taskXML)).outcome.isPassed)
        let failing = Expectations(body: [BodyExpectation(predicate: .contains("Finished"), location: M.at(3))])
        let failed = try await outcome(of: failing, .xml(200, Self.taskXML)).outcome
        #expect(failed.finding?.message.hasPrefix(#"body: expected to contain "Finished", got "<?xml"#) == true)
        let empty = Expectations(body: [BodyExpectation(predicate: .exists(false), location: M.at(3))])
        #expect(try await outcome(of: empty, .empty(204)).outcome.isPassed)
    }

    @Test("schema: valid passes; each violation is listed with its line; a missing XSD is an error")
    func schema() async throws {
        let valid = """
            <Task xmlns="http://www.veeam.com/ent/v1.0" Href="x"><TaskId>t</TaskId><State>Running</State><Operation>o</Operation></Task>
            """
        let schema = Expectations(schema: Located(Self.schemaPath, at: M.at(8)))
        #expect(try await outcome(of: schema, .xml(200, valid)).outcome.isPassed)

        let invalid = """
            <Task xmlns="http://www.veeam.com/ent/v1.0">
              <TaskId>t</TaskId>
              <Stat>Running</Stat>
            </Task>
            """
        let failed = try await outcome(of: schema, .xml(200, invalid)).outcome
        let finding = try #require(failed.finding)
        #expect(failed.isFailed)
        #expect(finding.message.hasPrefix("schema: the body does not validate against task.xsd ("))
        #expect(finding.diagnostic?.location == M.at(8))
        #expect(finding.notes.contains { $0.hasPrefix("line 3") && $0.contains("Stat") })
        #expect(finding.notes.contains { $0.hasPrefix("line 1") && $0.contains("Href") })

        let missing = Expectations(schema: Located("/nonexistent/em.xsd", at: M.at(8)))
        let errored = try await outcome(of: missing, .xml(200, valid)).outcome
        #expect(errored.isErrored)
        #expect(errored.finding?.message.contains("/nonexistent/em.xsd") == true)
    }

    @Test("no expectations: any answer passes")
    func nothingExpected() async throws {
        #expect(try await outcome(of: Expectations(), .empty(500)).outcome.isPassed)
    }

    @Test("a redirect is a response, not followed")
    func redirect() async throws {
        let server = try await FaultServer.start { request in
            .empty(302, headers: [("Location", request.target)])  // a loop, if it were followed
        }
        let scenario = M.scenario(
            "redirect", session: .none,
            steps: [
                M.step(
                    "get", M.request(path: "/api/loop"),
                    expect: Expectations(
                        status: M.status(302),
                        headers: [HeaderExpectation(name: "Location", predicate: .equals(.string("/api/loop")), location: M.at(2))]))
            ])
        let (report, _, _) = await RunnerTestSupport.run([M.suite("s", [scenario])], RunnerTestSupport.configuration(server.baseURL, logOn: false))
        await server.stop()
        #expect(report.scenarios[0].outcome.isPassed)
        #expect(server.scenarioRequests.count == 1)
    }

    @Test("request building: query, headers, inline body with variables, default Content-Type")
    func requestBuilding() async throws {
        let server = try await FaultServer.start { _ in .empty(200) }
        let step = M.step(
            "post", M.request(
                "POST", path: "/api/jobs/{{job}}", query: [("action", "start now"), ("who", "{{who}}")],
                headers: [("Accept", "{{accept}}")], body: "<Spec><Name>{{who}}</Name></Spec>"))
        let suite = M.suite("s", [M.scenario("s", session: .none, steps: [step])], variables: ["accept": "application/xml", "who": "file", "job": "j1"])
        var configuration = RunnerTestSupport.configuration(server.baseURL + "/", logOn: false)
        configuration.variables = ["who": "cli&co"]
        let (report, _, _) = await RunnerTestSupport.run([suite], configuration)
        await server.stop()
        #expect(report.scenarios[0].outcome.isPassed)
        let request = try #require(server.scenarioRequests.first)
        #expect(request.target == "/api/jobs/j1?action=start%20now&who=cli%26co")
        #expect(request.header("Accept") == "application/xml")
        #expect(request.header("Content-Type") == "application/xml")
        #expect(request.text == "<Spec><Name>cli&co</Name></Spec>")
        #expect(report.scenarios[0].steps[0].exchanges[0].request.bodyExcerpt == "<Spec><Name>cli&co</Name></Spec>")
    }
}
