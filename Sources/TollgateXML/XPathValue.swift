/// Typed result of an XPath evaluation, copied out of libxml2.
public enum XPathValue: Sendable, Equatable {
    /// Nodes in document order.
    case nodeSet([XMLNodeValue])
    /// A string result, e.g. of `string(...)` or `concat(...)`.
    case string(String)
    /// A number result, e.g. of `count(...)` or `sum(...)`.
    case number(Double)
    /// A boolean result, e.g. of a comparison.
    case boolean(Bool)

    /// XPath 1.0 `string()` conversion: a node-set gives the string-value of its first node in document
    /// order ("" if empty); a number is formatted as XPath 1.0 §4.2 says (integers without ".0", no
    /// exponent, "NaN", "Infinity", "-Infinity"); a boolean gives "true" or "false".
    ///
    /// Note: libxml2's own `string()` of a number prints at most 15 significant digits and uses an exponent
    /// for very large or small non-integers; this property follows the XPath specification instead.
    public var stringValue: String {
        switch self {
        case let .nodeSet(nodes): return nodes.first?.stringValue ?? ""
        case let .string(text): return text
        case let .number(number): return XPathNumber.format(number)
        case let .boolean(flag): return flag ? "true" : "false"
        }
    }

    /// XPath 1.0 `number()` conversion (strings that are not XPath numbers give NaN).
    public var numberValue: Double {
        switch self {
        case .nodeSet, .string: return XPathNumber.parse(stringValue)
        case let .number(number): return number
        case let .boolean(flag): return flag ? 1 : 0
        }
    }

    /// XPath 1.0 `boolean()` conversion (node-set non-empty, string non-empty, number non-zero and not NaN).
    public var booleanValue: Bool {
        switch self {
        case let .nodeSet(nodes): return !nodes.isEmpty
        case let .string(text): return !text.isEmpty
        case let .number(number): return number != 0 && !number.isNaN
        case let .boolean(flag): return flag
        }
    }

    /// "node-set", "string", "number" or "boolean".
    public var typeName: String {
        switch self {
        case .nodeSet: return "node-set"
        case .string: return "string"
        case .number: return "number"
        case .boolean: return "boolean"
        }
    }
}
