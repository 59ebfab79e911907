import Foundation
import Testing
import TollgateXML

/// The conformance suite in Specs/, run by the real binary: green against the built-in server,
/// red — pointing at the right line — against a wrong one.
@Suite("The Specs suite end to end")
struct SuiteEndToEndTests {
    @Test("the suite passes against the built-in server and writes a valid report")
    func suitePasses() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let junit = folder.appendingPathComponent("junit.xml")
        let outcome = try await TollgateProcess.run(["run", "Specs", "--junit", junit.path])
        #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains(" 0 failed, 0 errored"))

        let report = try [UInt8](Data(contentsOf: junit))
        let counts = try XMLDocument.withParsed(report) { document in
            try ["tests", "failures", "errors"].map { attribute in
                try document.evaluate(XPathExpression("number(/testsuites/@\(attribute))", namespaces: [:])).numberValue
            }
        }
        #expect(counts[0] >= 10, "the suite should hold at least 10 scenarios")
        #expect(counts[1] == 0 && counts[2] == 0)
    }

    @Test("a server whose tasks fail turns the suite red, naming the scenario line at fault")
    func suiteFailsAgainstWrongServer() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let junit = folder.appendingPathComponent("junit.xml")
        let outcome = try await TollgateProcess.run([
            "run", "Specs/agent-jobs.yaml", "--junit", junit.path,
            "--builtin-fault", "task-fails@POST:/api/agents/jobs/*",
        ])
        #expect(outcome.status == 1, "stdout:\n\(outcome.stdout)")
        let pollLine = try lineNumber(of: "fail-when: \"/em:Task/em:Result/@Success = 'false'\"", in: "Specs/agent-jobs.yaml")
        #expect(outcome.stdout.contains("Specs/agent-jobs.yaml:\(pollLine):"), "stdout:\n\(outcome.stdout)")
        let report = try String(contentsOf: junit, encoding: .utf8)
        #expect(report.contains("<failure message="))
    }

    @Test("lint accepts the suite")
    func lintAcceptsSuite() async throws {
        let outcome = try await TollgateProcess.run(["lint", "Specs"])
        #expect(outcome.status == 0, "stderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("scenarios OK"))
    }

    private func lineNumber(of text: String, in path: String) throws -> Int {
        let source = try String(contentsOf: TollgateProcess.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.contains(text) }) else {
            Issue.record("\(text) not found in \(path)")
            return 0
        }
        return index + 1
    }
}
