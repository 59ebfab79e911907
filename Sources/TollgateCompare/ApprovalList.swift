import Foundation
import TollgateFrontEnd

/// An accepted difference, from `--approved FILE`.
public struct Approval: Sendable, Equatable, Codable {
    /// The kind it accepts.
    public var kind: DifferenceKind
    /// The path pattern it accepts (``PathPattern`` syntax).
    public var path: String
    /// The scenario id pattern, when it accepts one scenario's difference only.
    public var scenario: String?
    /// The base value it accepts, when it names one.
    public var base: String?
    /// The candidate value it accepts, when it names one.
    public var candidate: String?
    /// Why the difference is fine.
    public var reason: String
    /// The ticket that tracks it.
    public var ticket: String?
    /// Its line in the approvals file.
    public var line: Int
}

/// The approvals of `--approved FILE`, and the pending file `--write-approved` writes for review.
///
/// ```yaml
/// approved:
///   - kind: key-renamed-case
///     path: "$.**"
///     reason: EM 13 writes camelCase JSON keys; our clients match keys case-insensitively
///     ticket: QA-1234
/// ```
public struct ApprovalList: Sendable {
    /// The approvals, in file order.
    public private(set) var approvals: [Approval]

    /// No approvals.
    public init() {
        approvals = []
    }

    /// Reads an approvals file; what is wrong is thrown as diagnostics, each at its place.
    public static func load(path: String) throws(CompareFileProblems) -> ApprovalList {
        var diagnostics: [Diagnostic] = []
        guard var reader = CompareFileReader(path: path, kind: FileKind("approvals file"), diagnostics: &diagnostics) else {
            throw CompareFileProblems(diagnostics: diagnostics)
        }
        var approvals: [Approval] = []
        let allowed = ["kind", "path", "scenario", "base", "candidate", "reason", "ticket"]
        for entry in reader.entries(under: "approved", allowed: allowed) {
            guard let kindText = entry.values["kind"] else {
                reader.error("the approval has no `kind:`", at: entry.node)
                continue
            }
            guard let kind = DifferenceKind(rawValue: kindText) else {
                reader.error("unknown difference kind `\(kindText)`", at: entry.nodes["kind"], help: ComparisonRules.kindHelp(kindText))
                continue
            }
            guard let path = entry.values["path"] else {
                reader.error("the approval has no `path:`", at: entry.node, help: "`path: \"**\"` accepts the kind everywhere")
                continue
            }
            guard let reason = entry.values["reason"], !reason.trimmingCharacters(in: .whitespaces).isEmpty,
                !reason.hasPrefix(Self.pendingReason)
            else {
                reader.error(
                    "the approval has no reason", at: entry.nodes["reason"] ?? entry.node,
                    help: "say why this difference is acceptable in `reason:` (a pending entry must be reviewed first)")
                continue
            }
            approvals.append(Approval(
                kind: kind, path: path, scenario: entry.values["scenario"], base: entry.values["base"],
                candidate: entry.values["candidate"], reason: reason, ticket: entry.values["ticket"],
                line: entry.node.location.line))
        }
        diagnostics += reader.diagnostics.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        guard diagnostics.isEmpty else { throw CompareFileProblems(diagnostics: diagnostics) }
        return ApprovalList(approvals: approvals)
    }

    init(approvals: [Approval]) {
        self.approvals = approvals
    }

    /// The first approval that accepts `difference`, if any.
    func approval(for difference: Difference) -> Approval? {
        approvals.first { approval in
            approval.kind == difference.kind && PathPattern(approval.path).covers(difference.path)
                && (approval.scenario.map { PathPattern($0).covers(difference.scenario) } ?? true)
                && (approval.base == nil || approval.base == difference.base)
                && (approval.candidate == nil || approval.candidate == difference.candidate)
        }
    }

    /// What a pending entry's reason starts with; such an entry is refused until someone writes a reason.
    public static let pendingReason = "PENDING"

    /// A pending approvals file for `differences` (one entry per kind, path and values, whatever the
    /// scenario), for a reviewer to fill in and pass as `--approved`. Never written over an approvals file.
    public static func pendingFile(for differences: [Difference], base: String, candidate: String) -> String {
        var seen = Set<String>()
        var text = """
            # Differences found by `tollgate compare \(base) \(candidate)`, pending review.
            # For each one you accept, replace the reason with why it is fine (and name a ticket);
            # delete the others. Then pass this file with --approved.
            approved:

            """
        for difference in differences where difference.approval == nil {
            let key = [difference.kind.rawValue, difference.path, difference.base ?? "\u{0}", difference.candidate ?? "\u{0}"]
                .joined(separator: "\u{1}")
            guard seen.insert(key).inserted else { continue }
            let count = differences.filter {
                $0.kind == difference.kind && $0.path == difference.path && $0.base == difference.base
                    && $0.candidate == difference.candidate
            }.count
            text += "  - kind: \(difference.kind.rawValue)    # \(difference.severity.rawValue), \(count) scenario\(count == 1 ? "" : "s")\n"
            text += "    path: \(yamlString(difference.path))\n"
            if let value = difference.base { text += "    base: \(yamlString(value))\n" }
            if let value = difference.candidate { text += "    candidate: \(yamlString(value))\n" }
            text += "    reason: \(yamlString(pendingReason + ": say why this difference is acceptable"))\n"
            text += "    ticket: \"\"\n"
        }
        return text
    }

    /// A double-quoted YAML scalar.
    private static func yamlString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
