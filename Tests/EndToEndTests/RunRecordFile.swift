import Foundation
import Testing

/// A run record written by the real binary, validated against `Schemas/run-record.schema.json` with
/// Python's `jsonschema` (installed by `.ci/run`) and parsed for the tests' own checks.
struct RunRecordFile {
    /// The parsed record.
    let json: [String: Any]
    /// The record's text, to search for secrets.
    let text: String

    /// The schema published in the repository.
    static let schema = TollgateProcess.packageRoot.appendingPathComponent("Schemas/run-record.schema.json")

    /// Reads the JSON file at `url` and validates it against `schema` (the run record's by default); a violation
    /// fails the calling test with the validator's output. The validator is awaited without blocking a
    /// thread: the suite's timing tests share the two cooperative threads with this one.
    static func validated(
        _ url: URL, against schema: URL = schema, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RunRecordFile {
        let outcome = try await TollgateProcess.start(
            ["python3", TollgateProcess.fixtures.appendingPathComponent("record/validate.py").path, schema.path, url.path],
            program: URL(fileURLWithPath: "/usr/bin/env")
        ).wait(limit: 120)
        let printed = outcome.stdout + outcome.stderr
        #expect(
            outcome.status == 0 && printed.hasPrefix("valid"),
            "\(url.lastPathComponent) does not validate against the schema:\n\(printed)", sourceLocation: sourceLocation)
        let data = try Data(contentsOf: url)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return RunRecordFile(json: json, text: String(decoding: data, as: UTF8.self))
    }

    /// The scenario entries, in the order they finished.
    var scenarios: [[String: Any]] { json["scenarios"] as? [[String: Any]] ?? [] }

    /// Every step of every scenario.
    var steps: [[String: Any]] { scenarios.flatMap { $0["steps"] as? [[String: Any]] ?? [] } }

    /// A count from the tally.
    func tally(_ key: String) -> Int { (json["tally"] as? [String: Any])?[key] as? Int ?? -1 }

    /// The outcome of each scenario, by name.
    var outcomes: [String: String] {
        Dictionary(scenarios.map { ($0["name"] as? String ?? "", $0["outcome"] as? String ?? "") }) { first, _ in first }
    }
}
