/// A comparison as Markdown for a merge-request comment: the verdict, the servers, a table of counts,
/// regressions and breaking drift in tables, the rest folded under `<details>`.
public enum ComparisonMarkdownReport {
    /// The document.
    public static func render(_ comparison: Comparison, strict: Bool) -> String {
        var out = "## Tollgate compare: \(ComparisonSummary.verdict(comparison, strict: strict))\n\n"
        out += "- Base: `\(code(comparison.base.record))` (\(code(comparison.base.baseURL)))\n"
        out += "- Candidate: `\(code(comparison.candidate.record))` (\(code(comparison.candidate.baseURL)))\n"
        if let change = ComparisonSummary.fingerprintChange(comparison) { out += "- Server: \(cell(change))\n" }
        out += "\n| Regressions | Fixes | Breaking | Changed | Additive | Approved | Stale approvals |\n|---:|---:|---:|---:|---:|---:|---:|\n"
        out += "| \(comparison.count(.regression)) | \(comparison.count(.fix)) | \(comparison.count(.breaking)) | \(comparison.count(.changed))"
            + " | \(comparison.count(.additive)) | \(comparison.approvedCount) | \(comparison.staleApprovals.count) |\n"
        let groups = ComparisonSummary(comparison).groups
        let failing = groups.filter { $0.first.fails }
        let others = groups.filter { !$0.first.fails }
        if !failing.isEmpty {
            out += "\n### Failing\n\n" + table(failing)
        }
        if !others.isEmpty {
            out += "\n<details><summary>\(others.count) other difference\(others.count == 1 ? "" : "s") (changed, additive, approved)</summary>\n\n"
            out += table(others) + "\n</details>\n"
        }
        if !comparison.staleApprovals.isEmpty {
            out += "\n### Stale approvals\n\n"
            for approval in comparison.staleApprovals {
                out += "- line \(approval.line): `\(code(approval.kind.rawValue))` `\(code(approval.path))` matched nothing\n"
            }
        }
        if let reproduction = failing.compactMap(\.first.reproduction).first {
            out += "\n<details><summary>Reproduce the first failing request</summary>\n\n```sh\n# base\n\(reproduction.baseCurl)\n# candidate\n\(reproduction.candidateCurl)\n```\n</details>\n"
        }
        return out
    }

    private static func table(_ groups: [ComparisonSummary.Group]) -> String {
        var out = "| Severity | Kind | Path | Base | Candidate | Scenarios |\n|---|---|---|---|---|---|\n"
        for group in groups {
            let difference = group.first
            let severity = difference.approval == nil ? difference.severity.rawValue : "approved (\(cell(difference.approval!.reason)))"
            out += "| \(severity) | \(difference.kind.rawValue) | `\(code(group.pathText))` | \(cell(difference.base ?? "—")) | \(cell(difference.candidate ?? "—")) | \(group.scenarios.count == 1 ? "`\(code(group.scenarios[0]))`" : "\(group.scenarios.count)") |\n"
        }
        return out
    }

    /// Text safe in a table cell: pipes, markup and line breaks escaped.
    private static func cell(_ text: String) -> String {
        var out = ""
        for character in text.prefix(300) {
            switch character {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`": out += "\\`"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Text safe inside backticks.
    private static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
