import Foundation

/// A fault to inject, for every request or for the requests of one route.
///
/// Text form: `KIND[=ARG][@METHOD:/path/glob*]`, e.g. `delay=2s`,
/// `task-fails=Disk full@POST:/api/agents/jobs/*`, `error500@GET:/api/tasks/*`,
/// `camelcase-json`. ARG cannot contain `@`.
public struct FaultRule: Sendable, Equatable {
    /// What the fault does.
    public var kind: FaultKind
    /// Which requests it applies to; nil for all.
    public var route: FaultRoute?

    /// Creates a rule.
    public init(kind: FaultKind, route: FaultRoute? = nil) {
        self.kind = kind
        self.route = route
    }

    /// Parses `KIND[=ARG][@METHOD:/path/glob*]`.
    /// - Throws: ``FaultRuleError`` saying what is wrong and showing the syntax.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw FaultRuleError(text: text, reason: "empty fault")
        }
        var head = Substring(trimmed)
        var route: FaultRoute?
        if let at = trimmed.lastIndex(of: "@") {
            head = trimmed[..<at]
            route = try FaultRoute(parsing: String(trimmed[trimmed.index(after: at)...]), text: text)
        }
        let name: Substring
        var argument: String?
        if let equals = head.firstIndex(of: "=") {
            name = head[..<equals]
            argument = String(head[head.index(after: equals)...])
        } else {
            name = head
        }
        let kind = try FaultKind(name: String(name).trimmingCharacters(in: .whitespaces), argument: argument, text: text)
        self.init(kind: kind, route: route)
    }

    /// Parses a comma-separated list (the `X-Tollgate-Fault` header form).
    public static func parseList(_ text: String) throws -> [FaultRule] {
        try text.split(separator: ",").map { try FaultRule(parsing: String($0)) }
    }

    /// Whether the rule applies to a request with this method, path and raw query.
    public func applies(method: String, path: String, query: String?) -> Bool {
        route?.matches(method: method, path: path, query: query) ?? true
    }
}

extension FaultRule: CustomStringConvertible {
    /// The text form, which ``init(parsing:)`` reads back.
    public var description: String {
        route.map { "\(kind)@\($0)" } ?? "\(kind)"
    }
}
