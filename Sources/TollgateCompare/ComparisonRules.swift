import TollgateFrontEnd

/// The rules of `--rules FILE`: per path (and optionally per kind) ignore a difference, compare only the
/// shape (type-only), normalise values with a regular expression, or give a kind another severity.
///
/// ```yaml
/// rules:
///   - { path: "/Task/StartTime", ignore: true }
///   - { path: "$.**.Version", type-only: true }
///   - { path: "**/@Href", pattern: "\\?v=v1_[0-9]", replacement: "?v={version}" }
///   - { kind: element-added, severity: breaking }
/// ```
public struct ComparisonRules {
    /// What a rule does.
    enum Action {
        case ignore
        case typeOnly
        case normalise(Regex<AnyRegexOutput>, String)
        case severity(Severity)
    }

    /// One rule.
    struct Rule {
        var path: PathPattern?
        var kind: DifferenceKind?
        var action: Action
    }

    private var rules: [Rule]

    /// No rules.
    public init() {
        rules = []
    }

    /// Reads a rules file; what is wrong is thrown as diagnostics, each at its place.
    public static func load(path: String) throws(CompareFileProblems) -> ComparisonRules {
        var diagnostics: [Diagnostic] = []
        guard var reader = CompareFileReader(path: path, kind: FileKind("rules file"), diagnostics: &diagnostics) else {
            throw CompareFileProblems(diagnostics: diagnostics)
        }
        let allowed = ["path", "kind", "ignore", "type-only", "pattern", "replacement", "severity"]
        var rules: [Rule] = []
        for entry in reader.entries(under: "rules", allowed: allowed) {
            var kind: DifferenceKind?
            if let text = entry.values["kind"] {
                kind = DifferenceKind(rawValue: text)
                if kind == nil {
                    reader.error("unknown difference kind `\(text)`", at: entry.nodes["kind"], help: Self.kindHelp(text))
                    continue
                }
            }
            let path = entry.values["path"].map(PathPattern.init)
            var actions: [Action] = []
            if entry.values["ignore"] == "true" { actions.append(.ignore) }
            if entry.values["type-only"] == "true" { actions.append(.typeOnly) }
            if let pattern = entry.values["pattern"] {
                do {
                    actions.append(.normalise(try Regex(pattern), entry.values["replacement"] ?? ""))
                } catch {
                    reader.error("not a regular expression: \(error)", at: entry.nodes["pattern"])
                    continue
                }
            }
            if let text = entry.values["severity"] {
                guard let severity = Severity(rawValue: text) else {
                    reader.error(
                        "unknown severity `\(text)`", at: entry.nodes["severity"],
                        help: "one of " + Severity.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))
                    continue
                }
                actions.append(.severity(severity))
            }
            guard actions.count == 1 else {
                reader.error(
                    actions.isEmpty ? "the rule does nothing" : "a rule does one thing", at: entry.node,
                    help: "give exactly one of `ignore: true`, `type-only: true`, `pattern:` (with `replacement:`), `severity:`")
                continue
            }
            guard path != nil || kind != nil else {
                reader.error("the rule applies to nothing", at: entry.node, help: "give `path:`, `kind:` or both")
                continue
            }
            rules.append(Rule(path: path, kind: kind, action: actions[0]))
        }
        diagnostics += reader.diagnostics.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        guard diagnostics.isEmpty else { throw CompareFileProblems(diagnostics: diagnostics) }
        return ComparisonRules(rules: rules)
    }

    private init(rules: [Rule]) {
        self.rules = rules
    }

    static func kindHelp(_ text: String) -> String {
        let names = DifferenceKind.allCases.map(\.rawValue)
        return Suggestion.closest(to: text, in: names).map { "did you mean `\($0)`?" } ?? "kinds: " + names.joined(separator: ", ")
    }

    private func applying(to path: String, kind: DifferenceKind?) -> [Action] {
        rules.filter { rule in
            (rule.path.map { $0.covers(path) } ?? true) && (rule.kind == nil || rule.kind == kind)
        }.map(\.action)
    }

    /// True when a difference of `kind` at `path` is dropped.
    func ignores(_ kind: DifferenceKind, at path: String) -> Bool {
        applying(to: path, kind: kind).contains { if case .ignore = $0 { return true } else { return false } }
    }

    /// True when values at `path` are compared by type only.
    func isTypeOnly(_ path: String) -> Bool {
        applying(to: path, kind: nil).contains { if case .typeOnly = $0 { return true } else { return false } }
    }

    /// `value` after every normalising rule that covers `path`.
    func normalised(_ value: String, at path: String) -> String {
        var value = value
        for case .normalise(let regex, let replacement) in applying(to: path, kind: nil) {
            value = value.replacing(regex, with: replacement)
        }
        return value
    }

    /// The severity a rule gives `kind` at `path`, or the kind's default.
    func severity(of kind: DifferenceKind, at path: String) -> Severity {
        for case .severity(let severity) in applying(to: path, kind: kind).reversed() { return severity }
        return kind.defaultSeverity
    }
}
