/// A difference found in two bodies or two exchanges, before it is placed in a scenario and step and
/// the rules and approvals are applied.
struct Drift: Equatable {
    var kind: DifferenceKind
    var path: String
    var base: String?
    var candidate: String?
}

/// What the body comparers share: each side's normaliser and the rules.
struct DriftContext {
    let base: ValueNormaliser
    let candidate: ValueNormaliser
    let rules: ComparisonRules

    /// Both values normalised (the side's noise, then the rules at `path`).
    func values(_ baseValue: String, _ candidateValue: String, at path: String) -> (String, String) {
        (rules.normalised(base(baseValue), at: path), rules.normalised(candidate(candidateValue), at: path))
    }

    /// The base value alone, normalised.
    func baseValue(_ value: String, at path: String) -> String { rules.normalised(base(value), at: path) }

    /// The candidate value alone, normalised.
    func candidateValue(_ value: String, at path: String) -> String { rules.normalised(candidate(value), at: path) }
}
