/// A compiled, validated XPath 1.0 expression with its namespace bindings.
///
/// Compile once, evaluate many times, from any thread. Creating it checks everything that can be
/// checked without a document: syntax (libxml2's compiler), that every prefix used in a name test or
/// function name is bound in `namespaces` (`xml` is always bound), that functions exist with the right
/// number of arguments. `$name` references are collected in ``variableReferences``; their values are
/// given at evaluation time (an unbound one is an evaluation error).
public final class XPathExpression: Sendable {
    /// The expression as written.
    public let source: String
    /// Prefix → namespace URI bindings the expression is evaluated with.
    public let namespaces: [String: String]
    /// The `$name` variable references, in source order (0-based UTF-8 offsets), for load-time checks.
    public let variableReferences: [XPathVariableReference]
    let compiled: CompiledXPath

    /// Compiles and checks `source`. Throws `XMLError.invalidExpression` (with the 0-based UTF-8 offset of
    /// the fault when known), `XMLError.undeclaredPrefix` (prefix and its 0-based UTF-8 offset in `source`)
    /// or `XMLError.invalidNamespaceBinding`.
    public init(_ source: String, namespaces: [String: String]) throws(XMLError) {
        LibXML2.prepare()
        try Self.checkBindings(namespaces)
        compiled = try CompiledXPath(source)
        variableReferences = try Self.checkNames(in: source, namespaces: namespaces)
        self.source = source
        self.namespaces = namespaces
    }
}

/// A `$name` reference inside an XPath expression.
public struct XPathVariableReference: Sendable, Equatable {
    /// The variable name, without `$`.
    public var name: String
    /// 0-based UTF-8 offset of the `$` in the expression.
    public var offset: Int

    /// Creates a reference.
    public init(name: String, offset: Int) {
        self.name = name
        self.offset = offset
    }
}
