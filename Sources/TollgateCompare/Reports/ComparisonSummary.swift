/// The differences of a comparison grouped for reading: one group per kind, path and both values, with
/// the scenarios it occurs in; the most important first. A case rename is one group per spelling
/// (`Href → href`) whatever the path, since a server that renames a key renames it everywhere. Console and
/// Markdown show these groups.
struct ComparisonSummary {
    /// Differences alike but for their scenario.
    struct Group {
        var first: Difference
        var scenarios: [String]
        var paths: [String]
    }

    let groups: [Group]

    init(_ comparison: Comparison) {
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for difference in comparison.differences {
            let key = [
                difference.kind.rawValue, difference.kind == .keyRenamedCase ? "" : difference.path, difference.base ?? "\u{0}", difference.candidate ?? "\u{0}",
                difference.approval == nil ? "" : "approved",
            ].joined(separator: "\u{1}")
            if let position = index[key] {
                if !groups[position].scenarios.contains(difference.scenario) { groups[position].scenarios.append(difference.scenario) }
                if !groups[position].paths.contains(difference.path) { groups[position].paths.append(difference.path) }
            } else {
                index[key] = groups.count
                groups.append(Group(first: difference, scenarios: [difference.scenario], paths: [difference.path]))
            }
        }
        self.groups = groups
    }

    /// `base → candidate`, with `(absent)` for a missing side.
    static func change(_ difference: Difference) -> String {
        "\(difference.base ?? "(absent)") → \(difference.candidate ?? "(absent)")"
    }

    /// The one-line verdict.
    static func verdict(_ comparison: Comparison, strict: Bool) -> String {
        let regressions = comparison.count(.regression)
        let breaking = comparison.scenarios.flatMap(\.differences).filter { $0.fails && $0.kind != .regression }.count
        if !comparison.fails(strict: strict) { return "PASSED: no regression, nothing unapproved is breaking" }
        var reasons: [String] = []
        if regressions > 0 { reasons.append("\(regressions) regression\(regressions == 1 ? "" : "s")") }
        if breaking > 0 { reasons.append("\(breaking) unapproved breaking difference\(breaking == 1 ? "" : "s")") }
        if strict, !comparison.staleApprovals.isEmpty {
            reasons.append("\(comparison.staleApprovals.count) stale approval\(comparison.staleApprovals.count == 1 ? "" : "s") (--strict)")
        }
        return "FAILED: " + reasons.joined(separator: ", ")
    }

    /// `Version 12.3.2.4465 → 13.0.1.2067; …` for the fingerprint facts that differ, or nil when none do.
    static func fingerprintChange(_ comparison: Comparison) -> String? {
        var changes: [String] = []
        for fact in comparison.base.fingerprint {
            let other = comparison.candidate.fingerprint.first { $0.name == fact.name }?.value
            if other != fact.value { changes.append("\(fact.name) \(fact.value) → \(other ?? "(absent)")") }
        }
        for fact in comparison.candidate.fingerprint where !comparison.base.fingerprint.contains(where: { $0.name == fact.name }) {
            changes.append("\(fact.name) (absent) → \(fact.value)")
        }
        return changes.isEmpty ? nil : changes.joined(separator: "; ")
    }
}

extension ComparisonSummary.Group {
    /// The path, or `N paths, e.g. PATH` for a group over several.
    var pathText: String {
        paths.count == 1 ? paths[0] : "\(paths.count) paths, e.g. \(paths[0])"
    }
}
