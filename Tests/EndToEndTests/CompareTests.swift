import Foundation
import Testing

/// `tollgate compare` on records the real binary wrote against the built-in server: two runs of one
/// release compare clean; release 12 against 13 finds the camelCase drift and the regressions it causes;
/// a fault finds exactly what it changed; approvals accept; bad input is exit 2 with a clear message.
@Suite("Comparing runs")
struct CompareTests {
    static let compareSchema = TollgateProcess.packageRoot.appendingPathComponent("Schemas/compare-report.schema.json")

    /// Runs `arguments` (a suite and options) and returns the record's path.
    private func record(_ arguments: [String], in folder: URL, name: String) async throws -> String {
        let path = folder.appendingPathComponent(name + ".json").path
        _ = try await TollgateProcess.run(
            ["run"] + arguments + ["--junit", folder.appendingPathComponent(name + ".xml").path, "--record", path, "--no-html"],
            limit: 120)
        #expect(FileManager.default.fileExists(atPath: path), "no record \(name)")
        return path
    }

    /// Compares two records with `options`; returns the outcome and the validated JSON report.
    private func compare(_ base: String, _ candidate: String, _ options: [String] = [], in folder: URL) async throws
        -> (TollgateProcess.Outcome, RunRecordFile?)
    {
        let json = folder.appendingPathComponent("compare-\(UUID().uuidString).json")
        let outcome = try await TollgateProcess.run(["compare", base, candidate, "--json", json.path] + options, limit: 60)
        guard FileManager.default.fileExists(atPath: json.path) else { return (outcome, nil) }
        return (outcome, try await RunRecordFile.validated(json, against: Self.compareSchema))
    }

    private func differences(_ report: RunRecordFile?) -> [[String: Any]] {
        (report?.json["scenarios"] as? [[String: Any]] ?? []).flatMap { $0["differences"] as? [[String: Any]] ?? [] }
    }

    private func counts(_ report: RunRecordFile?) -> [String: Int] {
        report?.json["counts"] as? [String: Int] ?? [:]
    }

    @Test("two runs of the same server (other ports, sessions, task numbers) compare with zero differences")
    func sameServer() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let first = try await record(["Specs"], in: folder, name: "first")
        let second = try await record(["Specs"], in: folder, name: "second")
        let junit = folder.appendingPathComponent("compare.xml").path
        let (outcome, report) = try await compare(first, second, ["--junit", junit], in: folder)
        #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(differences(report).isEmpty, "\(differences(report))")
        #expect(counts(report)["scenarios"] == 20)
        #expect(outcome.stdout.contains("Drift:     0 breaking, 0 changed, 0 additive (unapproved); 0 approved"))
        #expect(outcome.stdout.contains("PASSED: no regression, nothing unapproved is breaking"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 20)
        #expect(!xml.contains("<failure"))
    }

    @Test("release 12 against 13: the camelCase keys are breaking drift, the JSON readers regress, nothing else breaks")
    func releases() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let old = try await record(["Specs", "--builtin-release", "12"], in: folder, name: "old")
        let new = try await record(["Specs", "--builtin-release", "13"], in: folder, name: "new")
        let pending = folder.appendingPathComponent("pending.yaml").path
        let markdown = folder.appendingPathComponent("compare.md").path
        let (outcome, report) = try await compare(old, new, ["--write-approved", pending, "--markdown", markdown], in: folder)
        #expect(outcome.status == 1, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("Server:    BackupServerVersion 12.3.2.4465 → 13.0.1.2067"))
        let all = differences(report)
        let regressions = Set(all.filter { $0["kind"] as? String == "regression" }.compactMap { $0["scenario"] as? String })
        #expect(regressions == Set(ReleaseEndToEndTests.jsonReaders.keys))
        let breaking = all.filter { $0["severity"] as? String == "breaking" && $0["kind"] as? String != "regression" }
        #expect(breaking.count > 20)
        #expect(breaking.allSatisfy { $0["kind"] as? String == "key-renamed-case" }, "\(breaking.map { $0["kind"] ?? "" })")
        #expect(breaking.contains { $0["path"] as? String == "$.Refs" && $0["base"] as? String == "Refs" && $0["candidate"] as? String == "refs" })
        #expect(counts(report)["additive"] == 0)
        // The only other difference: the task list is shorter, since the errored JSON toggle made no task.
        let changed = all.filter { $0["severity"] as? String == "changed" }
        #expect(changed.allSatisfy { ($0["step"] as? String ?? "").hasPrefix("tasks/") }, "\(changed)")
        #expect(changed.count <= 1)
        let reproduction = try #require(breaking.first?["reproduction"] as? [String: String])
        #expect(reproduction["baseCurl"]?.contains(#""$X_RESTSVCSESSIONID""#) == true, "secrets are variables in curl")
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("## Tollgate compare: FAILED: 3 regressions"))

        // The pending file is refused as it is, accepted once reviewed; a stale approval fails with --strict.
        let (refused, _) = try await compare(old, new, ["--approved", pending], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: the approval has no reason"))
        let reviewed = try String(contentsOfFile: pending, encoding: .utf8)
            .replacingOccurrences(of: "PENDING: say why this difference is acceptable", with: "EM 13 camelCase JSON, ticket VEEAM-1")
        let approved = folder.appendingPathComponent("approved.yaml").path
        try reviewed.write(toFile: approved, atomically: true, encoding: .utf8)
        let (accepted, acceptedReport) = try await compare(old, new, ["--approved", approved], in: folder)
        #expect(accepted.status == 0, "stdout:\n\(accepted.stdout)\nstderr:\n\(accepted.stderr)")
        #expect(counts(acceptedReport)["approved"] == all.count)
        let stale = reviewed + "  - { kind: element-removed, path: \"/Nothing\", reason: no longer happens }\n"
        try stale.write(toFile: approved, atomically: true, encoding: .utf8)
        let (lenient, _) = try await compare(old, new, ["--approved", approved], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning: stale approval"))
        let (strict, _) = try await compare(old, new, ["--approved", approved, "--strict"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("error: stale approval"))
        let (inPlace, _) = try await compare(old, new, ["--approved", approved, "--write-approved", approved], in: folder)
        #expect(inPlace.status == 2)
        #expect(inPlace.stderr.contains("compare never edits an approved file"))
    }

    @Test("a fault that changes one header on one route: exactly that is found")
    func oneFault() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let clean = try await record(["Specs/logon.yaml"], in: folder, name: "clean")
        let faulty = try await record(
            ["Specs/logon.yaml", "--builtin-fault", "wrong-content-type=text/xml@GET:/api/logonSessions"], in: folder, name: "faulty")
        let (outcome, report) = try await compare(clean, faulty, in: folder)
        #expect(outcome.status == 0, "a changed header is not breaking\n\(outcome.stdout)")
        let found = differences(report)
        #expect(!found.isEmpty)
        for difference in found {
            #expect(difference["kind"] as? String == "header-changed")
            #expect(difference["path"] as? String == "header:Content-Type")
            #expect(difference["base"] as? String == "application/xml" && difference["candidate"] as? String == "text/xml")
            #expect((difference["reproduction"] as? [String: String])?["request"] == "GET {server}/api/logonSessions")
        }
    }

    @Test("bad input is exit 2 with a clear message: cut short, not a record, unknown version, other suites")
    func badInput() async throws {
        let folder = try TollgateProcess.temporaryFolder()
        let logon = try await record(["Specs/logon.yaml"], in: folder, name: "logon")
        let tasks = try await record(["Specs/tasks.yaml"], in: folder, name: "tasks")
        let text = try String(contentsOfFile: logon, encoding: .utf8)
        let cut = folder.appendingPathComponent("cut.json").path
        try String(text.prefix(text.count / 2)).write(toFile: cut, atomically: true, encoding: .utf8)
        let future = folder.appendingPathComponent("future.json").path
        try text.replacingOccurrences(of: #""formatVersion":1"#, with: #""formatVersion":99"#).write(toFile: future, atomically: true, encoding: .utf8)
        let cases: [(String, String, String)] = [
            (logon, cut, "cut.json: not complete JSON"),
            (folder.appendingPathComponent("logon.xml").path, logon, "logon.xml: not complete JSON"),
            (logon, future, "run record format version 99 is not one this tollgate reads"),
            (logon, tasks, "the records are runs of different suites ('Logon sessions' and 'Tasks')"),
            (logon, folder.appendingPathComponent("missing.json").path, "missing.json: cannot read the file"),
        ]
        for (base, candidate, message) in cases {
            let (outcome, report) = try await compare(base, candidate, in: folder)
            #expect(outcome.status == 2, "\(message)\n\(outcome.stdout)\(outcome.stderr)")
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
            #expect(report == nil, "no report for invalid input")
        }
    }
}
