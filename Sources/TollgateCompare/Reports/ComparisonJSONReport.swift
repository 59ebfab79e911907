import Foundation

/// A comparison as JSON (`Schemas/compare-report.schema.json`, format `tollgate-compare-report`, version 1).
public struct ComparisonJSONReport: Encodable {
    /// The value of `format`.
    public static let formatName = "tollgate-compare-report"

    struct Counts: Encodable {
        var scenarios: Int
        var regressions: Int
        var fixes: Int
        var breaking: Int
        var changed: Int
        var additive: Int
        var approved: Int
        var staleApprovals: Int
    }

    let format = formatName
    let formatVersion = 1
    let verdict: String
    let base: Comparison.Side
    let candidate: Comparison.Side
    let counts: Counts
    let scenarios: [Comparison.Scenario]
    let staleApprovals: [Approval]
    let notes: [String]

    /// The report of `comparison`.
    public init(_ comparison: Comparison, strict: Bool) {
        verdict = comparison.fails(strict: strict) ? "failed" : "passed"
        base = comparison.base
        candidate = comparison.candidate
        counts = Counts(
            scenarios: comparison.scenarios.count, regressions: comparison.count(.regression), fixes: comparison.count(.fix),
            breaking: comparison.count(.breaking), changed: comparison.count(.changed), additive: comparison.count(.additive),
            approved: comparison.approvedCount, staleApprovals: comparison.staleApprovals.count)
        scenarios = comparison.scenarios
        staleApprovals = comparison.staleApprovals
        notes = comparison.notes
    }

    /// The JSON text (keys sorted, indented).
    public func rendered() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}
