/// A fault text that cannot be parsed.
public struct FaultRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as given.
    public var text: String
    /// Why it was refused.
    public var reason: String

    /// Creates an error for `text`.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// `invalid fault 'TEXT': REASON; syntax KIND[=ARG][@METHOD:/path/glob*]`.
    public var description: String {
        "invalid fault '\(text)': \(reason); syntax KIND[=ARG][@METHOD:/path/glob*]"
    }
}
