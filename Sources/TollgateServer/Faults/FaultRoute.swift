/// The requests a fault applies to: an optional method and a path glob.
///
/// Written `METHOD:/path/glob` or `/path/glob` (any method). `*` matches any run of
/// characters, `/` included. A glob without `?` is matched against the path alone; a glob
/// with `?` against `path?query`, so `/api/agents/jobs/*?action=toggleScheduleEnabled`
/// picks out the toggle action. Matching ignores case, like the server's routes.
public struct FaultRoute: Sendable, Equatable {
    /// Upper-case method, or nil for any method.
    public var method: String?
    /// The glob, starting with `/`.
    public var pattern: String

    /// Creates a route.
    public init(method: String?, pattern: String) {
        self.method = method?.uppercased()
        self.pattern = pattern
    }

    /// Parses `METHOD:/glob`, `*:/glob` or `/glob`; `text` is the whole fault for errors.
    init(parsing spec: String, text: String) throws {
        var method: String?
        var pattern = spec
        if !spec.hasPrefix("/") {
            guard let colon = spec.firstIndex(of: ":") else {
                throw FaultRuleError(text: text, reason: "route '\(spec)' must be METHOD:/path/glob or /path/glob")
            }
            let name = String(spec[..<colon])
            pattern = String(spec[spec.index(after: colon)...])
            guard !name.isEmpty, name == "*" || name.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw FaultRuleError(text: text, reason: "'\(name)' is not an HTTP method")
            }
            method = name == "*" ? nil : name
        }
        guard pattern.hasPrefix("/") else {
            throw FaultRuleError(text: text, reason: "route path '\(pattern)' must start with '/'")
        }
        self.init(method: method, pattern: pattern)
    }

    /// Whether a request with this method, path and (raw) query is covered.
    public func matches(method requestMethod: String, path: String, query: String?) -> Bool {
        if let method, method != requestMethod.uppercased() {
            return false
        }
        var subject = path
        if pattern.contains("?") {
            subject += "?" + (query ?? "")
        }
        return Self.glob(Array(pattern.lowercased()), matches: Array(subject.lowercased()))
    }

    /// Wildcard match where `*` stands for any run of characters.
    private static func glob(_ pattern: [Character], matches text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var starAt: Int?
        var resumeAt = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                starAt = p
                resumeAt = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star = starAt {
                p = star + 1
                resumeAt += 1
                t = resumeAt
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" {
            p += 1
        }
        return p == pattern.count
    }
}

extension FaultRoute: CustomStringConvertible {
    /// `METHOD:/glob` or `/glob`.
    public var description: String {
        method.map { "\($0):\(pattern)" } ?? pattern
    }
}
