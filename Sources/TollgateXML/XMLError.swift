/// Everything that can go wrong in TollgateXML, each kind precise enough to act on.
///
/// Offsets into XPath expressions are 0-based UTF-8 byte offsets into `XPathExpression.source`.
public enum XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document is not well-formed (or not namespace-well-formed) XML; `line`/`column` are 1-based.
    case malformedDocument(message: String, line: Int, column: Int)
    /// The document uses a construct TollgateXML refuses for safety (a DTD that declares entities).
    case forbiddenConstruct(message: String, line: Int)
    /// The XPath expression is not valid XPath 1.0 (syntax, unknown function, wrong arity, variable use).
    case invalidExpression(message: String, offset: Int?)
    /// The XPath expression uses a namespace prefix that its namespace bindings do not declare.
    case undeclaredPrefix(prefix: String, offset: Int)
    /// A namespace binding cannot be used in XPath (empty or invalid prefix, empty URI, reserved prefix).
    case invalidNamespaceBinding(prefix: String, message: String)
    /// A valid expression failed while evaluating (for example a type error such as `count('a')`).
    case evaluationFailed(message: String)
    /// An XML Schema could not be read or compiled.
    case schemaUnreadable(path: String, message: String)

    /// A one-line, human-readable description.
    public var description: String {
        switch self {
        case let .malformedDocument(message, line, column):
            return "malformed XML at line \(line), column \(column): \(message)"
        case let .forbiddenConstruct(message, line):
            return "forbidden XML construct at line \(line): \(message)"
        case let .invalidExpression(message, offset):
            if let offset { return "invalid XPath expression at offset \(offset): \(message)" }
            return "invalid XPath expression: \(message)"
        case let .undeclaredPrefix(prefix, offset):
            return "undeclared namespace prefix '\(prefix)' at offset \(offset)"
        case let .invalidNamespaceBinding(prefix, message):
            return "invalid namespace binding '\(prefix)': \(message)"
        case let .evaluationFailed(message):
            return "XPath evaluation failed: \(message)"
        case let .schemaUnreadable(path, message):
            return "cannot load XML Schema \(path): \(message)"
        }
    }
}
