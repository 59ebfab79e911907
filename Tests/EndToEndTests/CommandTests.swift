import Foundation
import Testing
import TollgateXML

/// `tollgate xpath`, `tollgate lint` and `tollgate run` against servers that cannot be tested,
/// through the real binary.
@Suite("Commands end to end")
struct CommandTests {
    static let task = """
        <?xml version="1.0" encoding="utf-8"?>
        <Task xmlns="http://www.veeam.com/ent/v1.0" Type="Task" Href="https://localhost:9398/api/tasks/task-1">
          <Links><Link Rel="Delete" Type="Task" Href="https://localhost:9398/api/tasks/task-1" /></Links>
          <TaskId>task-1</TaskId>
          <State>Finished</State>
          <Operation>UpdateJob</Operation>
          <Result Success="true"><Message>Ok</Message></Result>
        </Task>
        """

    @Test("xpath prints typed results from the runner's engine", arguments: [
        ("string(/em:Task/em:State)", "string: \"Finished\""),
        ("count(//em:Link)", "number: 1"),
        ("/em:Task/em:Result/@Success = 'true'", "boolean: true"),
        ("/em:Task/em:TaskId", "node-set (1 node)\n  [1] element line 4: <TaskId>task-1</TaskId>"),
    ])
    func xpath(expression: String, expected: String) async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let body = folder.appendingPathComponent("task.xml")
        try Self.task.write(to: body, atomically: true, encoding: .utf8)
        let outcome = try await TollgateProcess.run(
            ["xpath", expression, body.path, "--ns", "em=http://www.veeam.com/ent/v1.0"], limit: 30)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == expected + "\n")
    }

    @Test(
        "one policy for every subcommand: a value that makes no sense exits 2 naming the flag, a syntax error 64",
        arguments: [
            (["serve", "--task-seconds=-1"], Int32(2), "error: --task-seconds must be between 0 and 86400"),
            (["serve", "--port", "70000"], Int32(2), "error: --port must be between 0 and 65535"),
            (["run", "--jobs", "0"], Int32(2), "error: --jobs must be at least 1"),
            (["run", "--timeout", "0"], Int32(2), "error: --timeout must be more than 0 seconds"),
            (["run", "--builtin-task-seconds=-1"], Int32(2), "error: --builtin-task-seconds must not be negative"),
            (["serve", "--release", "14"], Int32(2), "error: --release 14: unknown release; known releases: 11, 12, 13"),
            (["run", "--builtin-release", "v9"], Int32(2), "error: --builtin-release v9: unknown release; known releases: 11, 12, 13"),
            (["serve", "--task-seconds", "soon"], Int32(64), "--task-seconds"),
            (["lint", "--no-such-flag"], Int32(64), "--no-such-flag"),
        ])
    func valuePolicy(arguments: [String], status: Int32, message: String) async throws {
        let outcome = try await TollgateProcess.run(arguments, limit: 30)
        #expect(outcome.status == status, "stderr:\n\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "stderr:\n\(outcome.stderr)")
    }

    @Test("xpath reads JSON through the documented mapping")
    func xpathJSON() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let body = folder.appendingPathComponent("task.json")
        try #"{"TaskId":"task-9","Links":[{"Rel":"Delete"},{"Rel":"Related"}]}"#
            .write(to: body, atomically: true, encoding: .utf8)
        let outcome = try await TollgateProcess.run(["xpath", "count(/json/Links)", body.path, "--json"], limit: 30)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == "number: 2\n")
    }

    @Test("xpath rejects an undeclared prefix and a malformed body with distinct errors")
    func xpathErrors() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let body = folder.appendingPathComponent("broken.xml")
        try "<Task><State>Running</Task>".write(to: body, atomically: true, encoding: .utf8)
        let prefix = try await TollgateProcess.run(["xpath", "/v:Task", body.path], limit: 30)
        #expect(prefix.status == 2)
        #expect(prefix.stderr.contains("undeclared"), "\(prefix.stderr)")
        let malformed = try await TollgateProcess.run(["xpath", "/Task", body.path], limit: 30)
        #expect(malformed.status == 3)
        #expect(malformed.stderr.contains("line 1"), "\(malformed.stderr)")
    }

    @Test("a dead server: every scenario is an error, exit code 3, and the report is still written and valid")
    func deadServer() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let junit = folder.appendingPathComponent("junit.xml")
        let outcome = try await TollgateProcess.run(
            ["run", "Specs", "--base-url", "http://127.0.0.1:1", "--user", "qa", "--junit", junit.path],
            environment: ["TOLLGATE_PASSWORD": "dead-server-password"], limit: 60)
        #expect(outcome.status == 3, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stderr.contains("logon failed"))
        let report = try [UInt8](Data(contentsOf: junit))
        let (tests, errors, failures) = try XMLDocument.withParsed(report) { document in
            let tests = try document.evaluate(XPathExpression("number(/testsuites/@tests)", namespaces: [:])).numberValue
            let errors = try document.evaluate(XPathExpression("count(//testcase/error)", namespaces: [:])).numberValue
            let failures = try document.evaluate(XPathExpression("count(//failure)", namespaces: [:])).numberValue
            return (tests, errors, failures)
        }
        #expect(tests >= 10)
        #expect(errors == tests, "every scenario could not be tested")
        #expect(failures == 0)
        #expect(!outcome.stdout.contains("dead-server-password") && !outcome.stderr.contains("dead-server-password"))
    }

    @Test("an unknown host is an error that names the host, quickly")
    func unknownHost() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let scenario = folder.appendingPathComponent("host.yaml")
        try """
            name: hosts
            scenarios:
              - name: unknown host
                session: none
                steps:
                  - request: { url: "http://no-such-host.invalid/api/" }
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let outcome = try await TollgateProcess.run(
            ["run", scenario.path, "--junit", folder.appendingPathComponent("junit.xml").path, "--timeout", "10"],
            limit: 60)
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("no-such-host.invalid"))
    }
}
