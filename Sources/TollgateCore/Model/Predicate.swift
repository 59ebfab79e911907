/// A value written in a scenario file, typed by how it was written
/// (`3` is a number, `"3"` a string, `true` a boolean).
public enum ExpectedValue: Sendable, Equatable, CustomStringConvertible {
    /// A string; compared with the actual value converted by XPath `string()`.
    case string(String)
    /// A number; compared with the actual value converted by XPath `number()`.
    case number(Double)
    /// A boolean; compared with the actual value converted by XPath `boolean()`.
    case boolean(Bool)
    /// A string with `{{variables}}`, resolved when the step runs, then compared as a string.
    case template(Template)

    /// The value as the user would write it.
    public var description: String {
        switch self {
        case .string(let text): return "\"\(text)\""
        case .number(let number): return NumberFormatting.xpath(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .template(let template): return "\"\(template.source)\""
        }
    }
}

/// What an assertion requires of an actual value.
public enum Predicate: Sendable, Equatable {
    /// Equal to the value, compared in the value's type.
    case equals(ExpectedValue)
    /// Not equal to the value, compared in the value's type.
    case notEquals(ExpectedValue)
    /// A node-set with exactly this many nodes.
    case count(Int)
    /// A non-empty result (true) or an empty one (false).
    case exists(Bool)
    /// The string value matches the regular expression (anywhere; anchor with ^ and $).
    case matches(RegularExpression)
    /// The string value contains the text.
    case contains(String)
    /// Numeric comparisons on the number value.
    case lessThan(Double)
    /// Numeric comparison: at most.
    case lessOrEqual(Double)
    /// Numeric comparison: more than.
    case greaterThan(Double)
    /// Numeric comparison: at least.
    case greaterOrEqual(Double)
}
