import Foundation

/// A regular expression written in a scenario (`matches:`, a `regex:` capture), compiled once when the
/// scenario is loaded and then shared, read-only, by every evaluation on every task.
///
/// `NSRegularExpression` is immutable and documented safe to use from several threads at once, hence
/// `@unchecked Sendable`. Two expressions are equal when their patterns are.
public struct RegularExpression: @unchecked Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The pattern as written (ICU syntax).
    public let pattern: String
    /// The compiled expression; nil when the pattern is invalid (the loader refuses such patterns, so only
    /// a hand-built model has one, and its evaluation reports the invalid pattern).
    public let compiled: NSRegularExpression?

    /// Compiles `pattern`.
    public init(_ pattern: String) {
        self.init(pattern: pattern, compiled: try? NSRegularExpression(pattern: pattern))
    }

    /// Wraps a pattern compiled already (the loader compiles it to check it).
    init(pattern: String, compiled: NSRegularExpression?) {
        self.pattern = pattern
        self.compiled = compiled
    }

    /// Compiles a pattern written as a literal.
    public init(stringLiteral pattern: String) {
        self.init(pattern)
    }

    /// The pattern.
    public var description: String { pattern }

    public static func == (left: RegularExpression, right: RegularExpression) -> Bool {
        left.pattern == right.pattern
    }
}
