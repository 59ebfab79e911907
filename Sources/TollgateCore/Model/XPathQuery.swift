import TollgateXML

/// An XPath expression from a scenario file, compiled and checked at load time.
public struct XPathQuery: Sendable {
    /// The expression as written.
    public var source: String
    /// Where the expression starts in the file (inside the quotes, when quoted).
    public var location: SourceLocation
    /// The compiled expression, with the file's namespaces bound.
    public var expression: XPathExpression

    /// Creates a query from an already compiled expression.
    public init(source: String, location: SourceLocation, expression: XPathExpression) {
        self.source = source
        self.location = location
        self.expression = expression
    }
}
