import Foundation
import Testing

/// `tollgate run --shard` with the real binary: the shards of Specs/ together run every scenario of an
/// unsharded run exactly once, the record's header says which shard it was and what the whole selection
/// is, `--durations` balances by an earlier record, and bad or missing shard settings exit 2.
@Suite("Sharding end to end")
struct ShardTests {
    /// Runs `arguments` with the JUnit report and the record in a fresh folder.
    private func run(_ arguments: [String], environment: [String: String] = [:]) async throws
        -> (TollgateProcess.Outcome, URL)
    {
        let folder = try TollgateProcess.temporaryFolder()
        let junit = folder.appendingPathComponent("junit.xml")
        let outcome = try await TollgateProcess.run(
            ["run"] + arguments + ["--junit", junit.path], environment: environment, limit: 180)
        return (outcome, folder.appendingPathComponent("run.json"))
    }

    private func ids(_ record: RunRecordFile) -> [String] { record.scenarios.compactMap { $0["id"] as? String } }

    @Test("3 shards of Specs/ run every scenario exactly once, with the same verdicts; the header proves the split")
    func shardsCoverTheSelection() async throws {
        let (whole, wholeURL) = try await run(["Specs"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let unsharded = try await RunRecordFile.validated(wholeURL)
        #expect(unsharded.json["shard"] == nil)
        var seen: [String] = []
        var hashes: Set<String> = []
        for index in 1...3 {
            let (outcome, url) = try await run(["Specs", "--shard", "\(index)/3"])
            #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
            let record = try await RunRecordFile.validated(url)
            let shard = try #require(record.json["shard"] as? [String: Any])
            #expect(shard["index"] as? Int == index)
            #expect(shard["total"] as? Int == 3)
            #expect(shard["strategy"] as? String == "round-robin")
            #expect((shard["selection"] as? [String])?.sorted() == ids(unsharded).sorted())
            #expect(shard["planned"] as? [String] == ids(record))
            hashes.insert(try #require(shard["selectionSHA256"] as? String))
            #expect(outcome.stdout.contains("Shard \(index)/3 (round-robin): \(ids(record).count) of \(ids(unsharded).count) scenarios"))
            #expect(record.outcomes.allSatisfy { unsharded.outcomes[$0.key] == $0.value })
            // The suites are still listed whole, with their hashes.
            #expect((record.json["suites"] as? [[String: Any]])?.count == (unsharded.json["suites"] as? [[String: Any]])?.count)
            seen += ids(record)
        }
        #expect(hashes.count == 1)
        #expect(seen.sorted() == ids(unsharded).sorted())
        #expect(Set(seen).count == seen.count)
    }

    @Test("--durations balances by an earlier record; --shard auto reads the environment")
    func durationsAndAuto() async throws {
        let (_, earlier) = try await run(["Specs/entry-point.yaml", "Specs/tasks.yaml"])
        let (outcome, url) = try await run(
            ["Specs/entry-point.yaml", "Specs/tasks.yaml", "--shard", "auto", "--durations", earlier.path],
            environment: ["JOB_COMPLETION_INDEX": "1", "TOLLGATE_SHARD_TOTAL": "2"])
        #expect(outcome.status == 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")
        let record = try await RunRecordFile.validated(url)
        let shard = try #require(record.json["shard"] as? [String: Any])
        #expect(shard["index"] as? Int == 2)
        #expect(shard["total"] as? Int == 2)
        #expect(shard["strategy"] as? String == "durations")
    }

    @Test("bad --shard values, a missing CI environment and a bad --durations file exit 2 naming the problem")
    func invalidSettings() async throws {
        for (arguments, expected) in [
            (["--shard", "0/4"], "--shard"), (["--shard", "5/4"], "1…4"), (["--shard", "two"], "not K/N"),
            (["--shard", "auto"], "TOLLGATE_SHARD_INDEX"), (["--shard", "1/2", "--durations", "/nonexistent.json"], "--durations"),
            (["--durations", "Specs/tasks.yaml"], "--durations needs --shard"),
        ] {
            let (outcome, _) = try await run(["Specs"] + arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains(expected), "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stdout.contains("Summary:"), "\(arguments) ran scenarios")
        }
        let (outcome, _) = try await run(["Specs", "--shard", "auto"], environment: ["CI_NODE_INDEX": "2"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("CI_NODE_TOTAL"), "\(outcome.stderr)")
    }
}
