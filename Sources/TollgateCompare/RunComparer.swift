import TollgateCore
import TollgateXML

/// Pairs the scenarios and steps of two run records by their stable ids and finds what changed: verdicts,
/// the final response of every paired step (status, Content-Type, the headers the suite reads) and the
/// structure of its body (``XMLStructureComparer``, ``JSONStructureComparer``), with the noise normalised
/// (``ValueNormaliser``), the rules applied and the approvals matched.
public struct RunComparer {
    /// The record files as given, for the reports.
    public var basePath: String
    public var candidatePath: String
    /// The rules of `--rules`.
    public var rules: ComparisonRules
    /// The approvals of `--approved`.
    public var approvals: ApprovalList
    /// What the protocol numbers afresh on every run (the profile's ``VolatileValue``s).
    public var volatileValues: [VolatileValue]

    /// Creates a comparer.
    public init(
        basePath: String, candidatePath: String, rules: ComparisonRules = ComparisonRules(),
        approvals: ApprovalList = ApprovalList(), volatileValues: [VolatileValue]
    ) {
        self.basePath = basePath
        self.candidatePath = candidatePath
        self.rules = rules
        self.approvals = approvals
        self.volatileValues = volatileValues
    }

    /// Why two records cannot be compared.
    public struct Mismatch: Error, Sendable, Equatable, CustomStringConvertible {
        /// One line.
        public var description: String
    }

    /// Compares `base` with `candidate`. Records of different suites (no suite name and no scenario id in
    /// common) throw ``Mismatch``.
    public func compare(_ base: RecordedRun, _ candidate: RecordedRun) throws(Mismatch) -> Comparison {
        let baseIDs = Dictionary(base.scenarios.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let candidateIDs = Dictionary(candidate.scenarios.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let baseSuites = Set(base.header.suites.map(\.name))
        let candidateSuites = Set(candidate.header.suites.map(\.name))
        if !baseIDs.isEmpty, !candidateIDs.isEmpty, baseSuites.isDisjoint(with: candidateSuites),
            Set(baseIDs.keys).isDisjoint(with: candidateIDs.keys)
        {
            throw Mismatch(description:
                "the records are runs of different suites (\(Self.list(baseSuites)) and \(Self.list(candidateSuites))): compare runs of the same suite")
        }
        let baseGUIDs = ValueNormaliser.guids(in: base)
        let shared = baseGUIDs.intersection(ValueNormaliser.guids(in: candidate))
        let context = DriftContext(
            base: ValueNormaliser(baseURL: base.header.target.baseURL, sharedGUIDs: shared, volatile: volatileValues),
            candidate: ValueNormaliser(baseURL: candidate.header.target.baseURL, sharedGUIDs: shared, volatile: volatileValues),
            rules: rules)
        var notes: [String] = []
        var scenarios: [Comparison.Scenario] = []
        for id in Set(baseIDs.keys).union(candidateIDs.keys).sorted() {
            let left = baseIDs[id]
            let right = candidateIDs[id]
            var differences = verdicts(left, right, id: id)
            if let left, let right {
                differences += drift(left, right, context: context, notes: &notes)
            }
            var placed: [Difference] = []
            for var difference in differences where !rules.ignores(difference.kind, at: difference.path) {
                difference.severity = rules.severity(of: difference.kind, at: difference.path)
                difference.approval = approvals.approval(for: difference)
                placed.append(difference)
            }
            let any = (left ?? right)!
            scenarios.append(Comparison.Scenario(
                id: id, name: any.name, suite: any.suite, baseOutcome: left?.outcome, candidateOutcome: right?.outcome,
                differences: placed.sorted(by: Comparison.order)))
        }
        let used = scenarios.flatMap(\.differences).compactMap(\.approval)
        return Comparison(
            base: Self.side(base, path: basePath), candidate: Self.side(candidate, path: candidatePath),
            scenarios: scenarios, staleApprovals: approvals.approvals.filter { !used.contains($0) }, notes: notes)
    }

    private static func side(_ run: RecordedRun, path: String) -> Comparison.Side {
        Comparison.Side(
            record: path, baseURL: run.header.target.baseURL, builtIn: run.header.target.builtIn,
            fingerprint: run.footer.fingerprint.facts, tally: run.footer.tally)
    }

    private static func list(_ names: Set<String>) -> String {
        names.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    // MARK: Verdicts

    private enum Verdict { case good, bad, skipped, other }

    private static func verdict(_ outcome: Outcome.Kind) -> Verdict {
        switch outcome {
        case .passed, .fixed, .flaky: .good
        case .failed, .errored: .bad
        case .skipped, .notRun: .skipped
        case .known: .other
        }
    }

    private func verdicts(_ base: ScenarioRecord?, _ candidate: ScenarioRecord?, id: String) -> [Difference] {
        guard let base else { return [Difference(.onlyInCandidate, scenario: id, path: "outcome", base: nil, candidate: candidate?.outcome.rawValue)] }
        guard let candidate else { return [Difference(.onlyInBase, scenario: id, path: "outcome", base: base.outcome.rawValue, candidate: nil)] }
        let kind: DifferenceKind?
        switch (Self.verdict(base.outcome), Self.verdict(candidate.outcome)) {
        case (.good, .bad): kind = .regression
        case (.bad, .good): kind = .fix
        case (.skipped, .good), (.skipped, .bad), (.good, .skipped), (.bad, .skipped): kind = .skipChanged
        default: kind = nil
        }
        guard let kind else { return [] }
        var difference = Difference(kind, scenario: id, path: "outcome", base: base.outcome.rawValue, candidate: candidate.outcome.rawValue)
        if kind == .regression, let finding = candidate.finding {
            difference.candidate = "\(candidate.outcome.rawValue): \(finding.message)"
        }
        return [difference]
    }

    // MARK: Drift

    private func drift(_ base: ScenarioRecord, _ candidate: ScenarioRecord, context: DriftContext, notes: inout [String]) -> [Difference] {
        var differences: [Difference] = []
        for step in base.steps {
            guard let other = candidate.steps.first(where: { $0.id == step.id }),
                let left = step.exchanges.last, let right = other.exchanges.last
            else { continue }
            let reproduction = Reproduction(
                request: left.request.method + " " + context.base(left.request.url),
                baseCurl: CurlCommand.line(for: left.request), candidateCurl: CurlCommand.line(for: right.request))
            let read = Set((step.assertions + other.assertions).filter { $0.kind == "header" }.map { $0.subject.lowercased() })
            for found in exchangeDrift(left, right, readHeaders: read, context: context, step: step.id, notes: &notes) {
                differences.append(Difference(
                    found.kind, scenario: base.id, step: step.id, path: found.path, base: found.base, candidate: found.candidate,
                    reproduction: reproduction))
            }
        }
        return differences
    }

    private func exchangeDrift(
        _ base: ExchangeRecord, _ candidate: ExchangeRecord, readHeaders: Set<String>, context: DriftContext, step: String,
        notes: inout [String]
    ) -> [Drift] {
        guard let left = base.response, let right = candidate.response else {
            if base.response == nil && candidate.response == nil { return [] }
            return [Drift(
                kind: .statusChanged, path: "status", base: base.response.map { String($0.status) } ?? "no response",
                candidate: candidate.response.map { String($0.status) } ?? "no response")]
        }
        var drift: [Drift] = []
        if left.status != right.status {
            drift.append(Drift(kind: .statusChanged, path: "status", base: String(left.status), candidate: String(right.status)))
        }
        for name in (["content-type"] + readHeaders.sorted()).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            let path = "header:" + Self.displayName(name, in: left, right)
            let leftValue = Self.header(name, in: left).map { context.baseValue($0, at: path) }
            let rightValue = Self.header(name, in: right).map { context.candidateValue($0, at: path) }
            switch (leftValue, rightValue) {
            case let (l?, r?) where Self.comparable(name, l) != Self.comparable(name, r):
                drift.append(Drift(kind: .headerChanged, path: path, base: l, candidate: r))
            case let (l?, nil): drift.append(Drift(kind: .headerRemoved, path: path, base: l, candidate: nil))
            case let (nil, r?): drift.append(Drift(kind: .headerAdded, path: path, base: nil, candidate: r))
            default: break
            }
        }
        drift += bodyDrift(left, right, context: context, step: step, notes: &notes)
        return drift.filter { !rules.ignores($0.kind, at: $0.path) }
    }

    private enum BodyFormat: String { case xml, json, text, empty }

    private static func format(_ response: ResponseRecord) -> BodyFormat {
        guard let first = response.body.text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else { return .empty }
        if first == "<" { return .xml }
        if first == "{" || first == "[" { return .json }
        return .text
    }

    private func bodyDrift(_ left: ResponseRecord, _ right: ResponseRecord, context: DriftContext, step: String, notes: inout [String]) -> [Drift] {
        let leftFormat = Self.format(left)
        let rightFormat = Self.format(right)
        if leftFormat != rightFormat {
            return [Drift(kind: .bodyFormatChanged, path: "body", base: leftFormat.rawValue, candidate: rightFormat.rawValue)]
        }
        if left.body.truncated || right.body.truncated {
            notes.append("\(step): the body is longer than the record keeps (\(left.body.length) and \(right.body.length) bytes): compared as text up to the cut, not by structure")
            let leftText = context.baseValue(left.body.text, at: "body")
            let rightText = context.candidateValue(right.body.text, at: "body")
            let common = max(0, min(leftText.count, rightText.count) - 200)
            if leftText.prefix(common) != rightText.prefix(common) {
                return [Drift(kind: .bodyChanged, path: "body", base: "\(left.body.length) bytes", candidate: "\(right.body.length) bytes")]
            }
            return []
        }
        switch leftFormat {
        case .empty:
            return []
        case .xml:
            do {
                let leftTree = try XMLElementTree.parse(Array(left.body.text.utf8))
                let rightTree: XMLElementTree
                do { rightTree = try XMLElementTree.parse(Array(right.body.text.utf8)) } catch {
                    return [Drift(kind: .bodyFormatChanged, path: "body", base: "xml", candidate: "malformed xml")]
                }
                var comparer = XMLStructureComparer(context: context)
                comparer.compare(leftTree, rightTree)
                return comparer.drift
            } catch {
                if (try? XMLElementTree.parse(Array(right.body.text.utf8))) != nil {
                    return [Drift(kind: .bodyFormatChanged, path: "body", base: "malformed xml", candidate: "xml")]
                }
                return textDrift(left, right, context: context)
            }
        case .json:
            switch (JSONValue.parse(left.body.text), JSONValue.parse(right.body.text)) {
            case let (l?, r?):
                var comparer = JSONStructureComparer(context: context)
                comparer.compare(l, r)
                return comparer.drift
            case (_?, nil): return [Drift(kind: .bodyFormatChanged, path: "body", base: "json", candidate: "malformed json")]
            case (nil, _?): return [Drift(kind: .bodyFormatChanged, path: "body", base: "malformed json", candidate: "json")]
            case (nil, nil): return textDrift(left, right, context: context)
            }
        case .text:
            return textDrift(left, right, context: context)
        }
    }

    private func textDrift(_ left: ResponseRecord, _ right: ResponseRecord, context: DriftContext) -> [Drift] {
        let (l, r) = context.values(left.body.text, right.body.text, at: "body")
        return l == r ? [] : [Drift(kind: .bodyChanged, path: "body", base: Self.short(l), candidate: Self.short(r))]
    }

    private static func short(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }

    private static func header(_ name: String, in response: ResponseRecord) -> String? {
        response.headers.first { $0.name.lowercased() == name }?.value
    }

    private static func displayName(_ name: String, in left: ResponseRecord, _ right: ResponseRecord) -> String {
        (left.headers + right.headers).first { $0.name.lowercased() == name }?.name ?? name
    }

    /// Content-Type compares by media type and parameters without spaces or case; other headers as they are.
    private static func comparable(_ name: String, _ value: String) -> String {
        name == "content-type" ? value.lowercased().filter { !$0.isWhitespace } : value
    }
}
