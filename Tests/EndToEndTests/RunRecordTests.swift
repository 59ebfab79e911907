import Foundation
import Testing

/// The run record (`run.json`) written by the real binary: valid against the published schema for green,
/// red, errored and empty runs (interrupted: ``ReliabilityTests/Interrupts``), and holding what the
/// README promises — ids, hashes, steps, exchanges, assertions, captures, tallies.
@Suite("The run record end to end")
struct RunRecordTests {
    /// Runs `arguments` with the JUnit report and the record in a fresh folder.
    private func run(_ arguments: [String]) async throws -> (TollgateProcess.Outcome, RunRecordFile, URL) {
        let folder = try TollgateProcess.temporaryFolder()
        let junit = folder.appendingPathComponent("junit.xml")
        let outcome = try await TollgateProcess.run(["run"] + arguments + ["--junit", junit.path], limit: 120)
        let record = try await RunRecordFile.validated(folder.appendingPathComponent("run.json"))
        return (outcome, record, folder)
    }

    @Test("a green run: every scenario passed, files hashed, ids stable, passing assertions recorded")
    func green() async throws {
        let (outcome, record, folder) = try await run(["Specs"])
        #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(record.json["format"] as? String == "tollgate-run-record")
        #expect(record.json["interrupted"] as? Bool == false)
        #expect(record.scenarios.count >= 10)
        #expect(record.tally("total") == record.scenarios.count)
        #expect(record.tally("passed") == record.scenarios.count)
        #expect(record.scenarios.allSatisfy { $0["outcome"] as? String == "passed" })
        #expect(outcome.stdout.contains("Summary: \(record.scenarios.count) passed, 0 failed"))
        let facts = try #require((record.json["fingerprint"] as? [String: Any])?["facts"] as? [[String: Any]])
        #expect(facts.contains { $0["name"] as? String == "Server" && $0["value"] as? String == "Tollgate" }, "\(facts)")

        // Each suite file with the SHA-256 of its bytes.
        let suites = try #require(record.json["suites"] as? [[String: Any]])
        #expect(suites.count == 7)
        for suite in suites {
            let file = try #require(suite["file"] as? String)
            let expected = try sha256(of: TollgateProcess.packageRoot.appendingPathComponent(file))
            #expect(suite["sha256"] as? String == expected, "\(file)")
        }

        // Ids: derived from file and name, unique, and the same in a second run.
        let ids = record.scenarios.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("entry-point/get-api-lists-the-supported-versions-and-the-logon-link"), "\(ids)")
        let stepIDs = record.steps.compactMap { $0["id"] as? String }
        #expect(Set(stepIDs).count == stepIDs.count)
        let (_, again, _) = try await run(["Specs/entry-point.yaml", "Specs/tasks.yaml"])
        for id in again.scenarios.compactMap({ $0["id"] as? String }) {
            #expect(ids.contains(id), "\(id) changed between runs")
        }

        // Passing assertions with expected and actual values; captures; polls with states.
        let assertions = record.steps.flatMap { $0["assertions"] as? [[String: Any]] ?? [] }
        #expect(assertions.contains { $0["kind"] as? String == "status" && $0["actual"] as? String == "202" && $0["passed"] as? Bool == true })
        #expect(assertions.contains { $0["kind"] as? String == "xpath" && $0["passed"] as? Bool == true })
        #expect(assertions.contains { $0["kind"] as? String == "schema" && $0["actual"] as? String == "valid" })
        #expect(assertions.allSatisfy { $0["passed"] as? Bool == true })
        let captures = record.steps.flatMap { $0["captures"] as? [[String: Any]] ?? [] }
        #expect(captures.contains { ($0["value"] as? String)?.hasPrefix("http://127.0.0.1:") == true })
        let polls = record.steps.compactMap { ($0["poll"] as? [String: Any])?["attempts"] as? [[String: Any]] }
        #expect(polls.contains { attempts in attempts.last?["state"] as? String == "Finished" })
        let bodies = record.steps.flatMap { $0["exchanges"] as? [[String: Any]] ?? [] }
            .compactMap { ($0["response"] as? [String: Any])?["body"] as? [String: Any] }
        #expect(bodies.contains { ($0["length"] as? Int ?? 0) > 0 && $0["sha256"] is String })

        // No temporary file is left beside the record.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("a red run: failed scenarios carry their finding and the failing and passing assertions")
    func red() async throws {
        let (outcome, record, _) = try await run(["Tests/EndToEndTests/Fixtures/selftests/assertions.yaml"])
        #expect(outcome.status == 1)
        #expect(record.tally("failed") > 0)
        #expect(record.tally("failed") + record.tally("passed") + record.tally("errored") == record.tally("total"))
        let failed = record.scenarios.filter { $0["outcome"] as? String == "failed" }
        #expect(failed.count == record.tally("failed"))
        for scenario in failed {
            let finding = try #require(scenario["finding"] as? [String: Any])
            #expect((finding["message"] as? String)?.isEmpty == false)
            #expect((finding["location"] as? [String: Any])?["line"] is Int)
        }
        let assertions = record.steps.flatMap { $0["assertions"] as? [[String: Any]] ?? [] }
        let failing = assertions.filter { $0["passed"] as? Bool == false }
        #expect(!failing.isEmpty)
        #expect(assertions.contains { $0["passed"] as? Bool == true })
        #expect(failing.allSatisfy { ($0["expected"] as? String) != nil && ($0["actual"] as? String) != nil })
        // The JUnit report, the console summary and the record count the same.
        #expect(outcome.stdout.contains("Summary: \(record.tally("passed")) passed, \(record.tally("failed")) failed"))
    }

    @Test("an errored run: scenarios that could not be tested are errored, with exchanges without responses")
    func errored() async throws {
        let (outcome, record, _) = try await run(["Tests/EndToEndTests/Fixtures/selftests/errors.yaml", "--timeout", "1"])
        #expect(outcome.status == 3, "stdout:\n\(outcome.stdout)")
        #expect(record.tally("errored") > 0)
        #expect(record.scenarios.filter { $0["outcome"] as? String == "errored" }.count == record.tally("errored"))
        let exchanges = record.steps.flatMap { $0["exchanges"] as? [[String: Any]] ?? [] }
        #expect(exchanges.contains { $0["response"] == nil }, "a timed-out request has no response")
    }

    @Test("an empty run accepted with --allow-empty (no scenario selected) still writes a valid record")
    func empty() async throws {
        let (outcome, record, _) = try await run(["Specs", "--tag", "no-such-tag", "--allow-empty"])
        #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(record.scenarios.isEmpty)
        #expect(record.tally("total") == 0)
        #expect((record.json["suites"] as? [Any])?.count == 7)
    }

    @Test("--record puts the record where it is told")
    func explicitPath() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let path = folder.appendingPathComponent("elsewhere.json")
        let outcome = try await TollgateProcess.run([
            "run", "Specs/entry-point.yaml", "--junit", folder.appendingPathComponent("j.xml").path, "--record", path.path,
        ])
        #expect(outcome.status == 0)
        let record = try await RunRecordFile.validated(path)
        #expect(record.scenarios.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("run.json").path))
        let commandLine = try #require(record.json["commandLine"] as? [String])
        #expect(commandLine.contains("--record"))
    }

    private func sha256(of file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
