import CLibXML2

/// A parsed XML document. It exists only inside `XMLDocument.withParsed`'s closure: it cannot be copied,
/// stored, sent to another task or captured by an escaping closure, so no libxml2 pointer outlives the call
/// or crosses an `await`.
public struct XMLDocument: ~Copyable {
    let pointer: xmlDocPtr

    /// Takes ownership of a document libxml2 parsed; it is freed when this value ends.
    init(adopting pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Parses `bytes` safely (no network, no entity substitution, no DTD loading, no XInclude, no
    /// recovery) and runs `body` with the document. A malformed document throws
    /// `XMLError.malformedDocument`; a DTD that declares entities throws `XMLError.forbiddenConstruct`.
    public static func withParsed<R>(_ bytes: [UInt8], _ body: (borrowing XMLDocument) throws -> R) throws -> R {
        let document = try XMLDocument(parsing: bytes)
        return try body(document)
    }

    /// Parses `bytes` and evaluates one expression on them: `withParsed` plus `evaluate` in one call.
    public static func evaluate(_ expression: XPathExpression, in bytes: [UInt8]) throws(XMLError) -> XPathValue {
        let document = try XMLDocument(parsing: bytes)
        return try document.evaluate(expression)
    }

    /// Checks that `bytes` are a well-formed document TollgateXML accepts, without keeping it.
    public static func checkWellFormed(_ bytes: [UInt8]) throws(XMLError) {
        _ = try XMLDocument(parsing: bytes)
    }

    /// Evaluates `expression` on this document, with the document node as context node and
    /// `variables` bound as strings to the expression's `$name` references.
    public func evaluate(_ expression: XPathExpression, variables: [String: String] = [:]) throws(XMLError) -> XPathValue {
        LibXML2.prepare()
        return try expression.compiled.evaluate(in: pointer, namespaces: expression.namespaces, variables: variables)
    }
}

@available(*, unavailable, message: "libxml2 documents stay on the thread that parsed them")
extension XMLDocument: Sendable {}
