import Foundation
import TollgateXML

/// Checks an actual value against a ``Predicate``, the typed way the scenario format describes.
///
/// Header values and body text are checked as XPath strings, so every predicate means the same thing
/// wherever it is used.
///
/// One deliberate refinement of "booleans compare with `boolean()`": when the actual value is a string
/// or a node-set whose text is an `xs:boolean` literal (`true`, `false`, `1`, `0`), that literal is
/// compared. Otherwise `equals: true` on `/o:Order/o:Result/@Paid` would pass for `Paid="false"`
/// (a non-empty node-set is true in XPath), a silent false pass in a conformance harness.
public enum PredicateEvaluator {
    /// What a failed check expected and what it got, as the user would write them.
    public struct Mismatch: Sendable, Equatable {
        /// E.g. `"Running"`, `count 1`, `a number < 5`.
        public var expected: String
        /// E.g. `"Finished"`, `count 0`, `a string ("abc")`.
        public var actual: String
        /// Set when the check cannot apply to this kind of value (`count` on a string).
        public var problem: String?

        /// `expected X, got Y` (or the problem).
        public var text: String {
            if let problem { return problem }
            return "expected \(expected), got \(actual)"
        }
    }

    /// Longest quoted actual value in messages.
    static let quoteLimit = 200

    /// Nil when `value` satisfies `predicate`, otherwise what went wrong.
    public static func check(_ predicate: Predicate, on value: XPathValue) -> Mismatch? {
        let result = evaluate(predicate, on: value)
        return result.holds ? nil : result.shown
    }

    /// Whether `value` satisfies `predicate`, and the expected and actual values as reports show them
    /// (for passing checks too).
    public static func evaluate(_ predicate: Predicate, on value: XPathValue) -> (holds: Bool, shown: Mismatch) {
        switch predicate {
        case .equals(let expected):
            let (equal, actual) = compare(expected, with: value)
            return (equal, Mismatch(expected: expected.description, actual: actual))
        case .notEquals(let expected):
            let (equal, actual) = compare(expected, with: value)
            return (!equal, Mismatch(expected: "not \(expected.description)", actual: actual))
        case .count(let expected):
            guard case .nodeSet(let nodes) = value else {
                return (false, Mismatch(
                    expected: "count \(expected)", actual: describe(value),
                    problem: "count needs a node-set, but the query returned a \(value.typeName) "
                        + "(\(describe(value))); write a path such as /ns:Root/ns:Item"))
            }
            return (nodes.count == expected, Mismatch(expected: "count \(expected)", actual: "count \(nodes.count)"))
        case .exists(let expected):
            let exists: Bool
            switch value {
            case .nodeSet(let nodes): exists = !nodes.isEmpty
            case .string(let text): exists = !text.isEmpty
            case .number(let number): exists = !number.isNaN
            case .boolean(let flag): exists = flag
            }
            return (exists == expected, Mismatch(expected: expected ? "to exist" : "not to exist", actual: describe(value)))
        case .matches(let expression):
            let text = value.stringValue
            let pattern = expression.pattern
            guard let regex = expression.compiled else {
                return (false, Mismatch(
                    expected: "to match /\(pattern)/", actual: quote(text),
                    problem: "invalid regular expression /\(pattern)/"))
            }
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            return (regex.firstMatch(in: text, range: range) != nil, Mismatch(expected: "to match /\(pattern)/", actual: quote(text)))
        case .contains(let needle):
            let text = value.stringValue
            return (text.contains(needle), Mismatch(expected: "to contain \(quote(needle))", actual: quote(text)))
        case .lessThan(let bound):
            return numeric(value, "<", bound) { $0 < bound }
        case .lessOrEqual(let bound):
            return numeric(value, "<=", bound) { $0 <= bound }
        case .greaterThan(let bound):
            return numeric(value, ">", bound) { $0 > bound }
        case .greaterOrEqual(let bound):
            return numeric(value, ">=", bound) { $0 >= bound }
        }
    }

    /// Compares in the expected value's type; returns whether equal and the actual value as shown.
    static func compare(_ expected: ExpectedValue, with value: XPathValue) -> (Bool, String) {
        switch expected {
        case .string(let text):
            let actual = value.stringValue
            return (actual == text, quote(actual) + emptyNodeSetNote(value))
        case .template(let template):
            // Resolved into `.string` before a step is checked (Expectations.resolvingTemplates); as written otherwise.
            return compare(.string(template.source), with: value)
        case .number(let number):
            let actual = value.numberValue
            let shown = NumberFormatting.xpath(actual)
            let detail: String
            switch value {
            case .number: detail = shown
            case .boolean: detail = "\(shown) (\(value.stringValue))"
            default: detail = actual.isNaN ? "NaN (\(quote(value.stringValue))\(emptyNodeSetNote(value)))" : shown
            }
            return (actual == number, detail)
        case .boolean(let flag):
            let actual = booleanValue(of: value)
            let shown: String
            switch value {
            case .boolean: shown = actual ? "true" : "false"
            default: shown = "\(actual ? "true" : "false") (\(describe(value)))"
            }
            return (actual == flag, shown)
        }
    }

    /// `boolean()`, except that an `xs:boolean` literal in a string or node-set counts as that literal.
    static func booleanValue(of value: XPathValue) -> Bool {
        switch value {
        case .string, .nodeSet:
            let text = value.stringValue.trimmingCharacters(in: .whitespacesAndNewlines)
            switch text {
            case "true", "1": return true
            case "false", "0": return false
            default: return value.booleanValue
            }
        case .number, .boolean:
            return value.booleanValue
        }
    }

    private static func numeric(
        _ value: XPathValue, _ symbol: String, _ bound: Double, _ holds: (Double) -> Bool
    ) -> (holds: Bool, shown: Mismatch) {
        let actual = value.numberValue
        let shown: String
        if actual.isNaN, case .number = value {
            shown = "NaN"
        } else if actual.isNaN {
            shown = "NaN (\(quote(value.stringValue))\(emptyNodeSetNote(value)))"
        } else {
            shown = NumberFormatting.xpath(actual)
        }
        return (holds(actual), Mismatch(expected: "a number \(symbol) \(NumberFormatting.xpath(bound))", actual: shown))
    }

    /// A value as messages show it: quoted strings, plain numbers and booleans, node-set sizes.
    public static func describe(_ value: XPathValue) -> String {
        switch value {
        case .nodeSet(let nodes):
            switch nodes.count {
            case 0: return "an empty node-set"
            case 1: return "1 node (\(quote(nodes[0].stringValue)))"
            default: return "\(nodes.count) nodes (first \(quote(nodes[0].stringValue)))"
            }
        case .string(let text): return quote(text)
        case .number(let number): return NumberFormatting.xpath(number)
        case .boolean(let flag): return flag ? "true" : "false"
        }
    }

    /// The text in double quotes, shortened, with control characters made visible.
    public static func quote(_ text: String) -> String {
        var shown = text.count > quoteLimit ? String(text.prefix(quoteLimit)) + "…" : text
        shown = shown.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(shown)\""
    }

    private static func emptyNodeSetNote(_ value: XPathValue) -> String {
        if case .nodeSet(let nodes) = value, nodes.isEmpty { return " (no node matched)" }
        return ""
    }
}
