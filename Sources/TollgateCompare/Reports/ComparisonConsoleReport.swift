/// The console summary of a comparison: both servers, the counts per severity, the most important
/// differences first (grouped, at most `limit` groups), stale approvals, the verdict.
public enum ComparisonConsoleReport {
    /// The text, ending with a newline.
    public static func render(_ comparison: Comparison, strict: Bool, limit: Int = 20) -> String {
        var out = "Base:      \(comparison.base.record) (\(comparison.base.baseURL))\n"
        out += "Candidate: \(comparison.candidate.record) (\(comparison.candidate.baseURL))\n"
        if let change = ComparisonSummary.fingerprintChange(comparison) { out += "Server:    \(change)\n" }
        let paired = comparison.scenarios.filter { $0.baseOutcome != nil && $0.candidateOutcome != nil }.count
        out += "Scenarios: \(paired) paired, \(comparison.count(.onlyInBase)) only in base, \(comparison.count(.onlyInCandidate)) only in candidate\n"
        out += "Verdicts:  \(comparison.count(.regression)) regressions, \(comparison.count(.fix)) fixes, \(comparison.count(.skipChanged)) skip changes\n"
        out += "Drift:     \(comparison.count(.breaking)) breaking, \(comparison.count(.changed)) changed, \(comparison.count(.additive)) additive"
            + " (unapproved); \(comparison.approvedCount) approved\n"
        let groups = ComparisonSummary(comparison).groups
        if !groups.isEmpty { out += "\n" }
        for group in groups.prefix(limit) {
            let difference = group.first
            let label = difference.approval == nil ? difference.severity.rawValue.uppercased() : "APPROVED"
            let scenarios = group.scenarios.count == 1 ? group.scenarios[0] : "\(group.scenarios.count) scenarios, e.g. \(group.scenarios[0])"
            out += "  \(label) \(difference.kind.rawValue) \(group.pathText): \(ComparisonSummary.change(difference))\n"
            out += "      in \(scenarios)\(difference.step.map { "  (\($0.split(separator: "#").last ?? ""))" } ?? "")\n"
            if let reproduction = difference.reproduction { out += "      request: \(reproduction.request)\n" }
            if let approval = difference.approval { out += "      approved: \(approval.reason)\(approval.ticket.map { " [\($0)]" } ?? "")\n" }
        }
        if groups.count > limit { out += "  … and \(groups.count - limit) more (see --markdown, --json or --junit)\n" }
        for approval in comparison.staleApprovals {
            out += "\(strict ? "error" : "warning"): stale approval (line \(approval.line)): \(approval.kind.rawValue) \(approval.path) matched nothing\n"
        }
        if !comparison.notes.isEmpty {
            out += "note: \(comparison.notes.count) bod\(comparison.notes.count == 1 ? "y was" : "ies were") cut short in the records and compared as text, not by structure\n"
        }
        out += "\n" + ComparisonSummary.verdict(comparison, strict: strict) + "\n"
        return out
    }
}
