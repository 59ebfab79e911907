import TollgateXML

/// Evaluates XPath expressions on a response body, parsing it once per call.
/// No libxml2 document outlives the call (the TollgateXML rule), so callers get plain values back.
public enum BodyQuery {
    /// Evaluates each expression on the XML body, with `variables` bound to `$name` references; the outer
    /// error means the body is unusable, the inner results carry per-expression evaluation errors.
    public static func evaluate(
        _ expressions: [XPathExpression], inXML body: [UInt8], variables: [String: String] = [:]
    ) throws(UnusableBody) -> [Result<XPathValue, XMLError>] {
        guard !isBlank(body) else { throw .empty(expected: .xml) }
        do {
            return try XMLDocument.withParsed(body) { document in
                var results: [Result<XPathValue, XMLError>] = []
                for expression in expressions {
                    do throws(XMLError) {
                        results.append(.success(try document.evaluate(expression, variables: variables)))
                    } catch {
                        results.append(.failure(error))
                    }
                }
                return results
            }
        } catch let error as XMLError {
            throw .notXML(error)
        } catch {
            throw .notXML(.malformedDocument(message: String(describing: error), line: 1, column: 1))
        }
    }

    /// Evaluates each expression on the XML mapping of the JSON body (see ``JSONDocumentMapping``).
    public static func evaluate(
        _ expressions: [XPathExpression], inJSON body: [UInt8], variables: [String: String] = [:]
    ) throws(UnusableBody) -> [Result<XPathValue, XMLError>] {
        guard !isBlank(body) else { throw .empty(expected: .json) }
        let mapped: [UInt8]
        do {
            mapped = try JSONDocumentMapping.xml(fromJSON: body)
        } catch {
            throw .notJSON(error)
        }
        do {
            return try evaluate(expressions, inXML: mapped, variables: variables)
        } catch .notXML(let error) {
            // The mapping always writes well-formed XML; say so plainly if it ever did not.
            throw .notJSON(JSONMappingError(message: "cannot map to XML: \(error)", line: 1, column: 1))
        }
    }

    /// Evaluates the expressions on the body read as `kind`.
    public static func evaluate(
        _ expressions: [XPathExpression], in body: [UInt8], as kind: UnusableBody.BodyKind,
        variables: [String: String] = [:]
    ) throws(UnusableBody) -> [Result<XPathValue, XMLError>] {
        switch kind {
        case .xml: return try evaluate(expressions, inXML: body, variables: variables)
        case .json: return try evaluate(expressions, inJSON: body, variables: variables)
        }
    }

    /// True when the body is empty or only XML/JSON whitespace.
    static func isBlank(_ body: [UInt8]) -> Bool {
        body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
