import Foundation
import Testing
import TollgateXML

/// Access to the files in `Fixtures/`, and small helpers shared by the tests.
enum Fixtures {
    /// The Enterprise Manager namespace, bound to `em` as the scenario files do.
    static let veeam = ["em": "http://www.veeam.com/ent/v1.0"]

    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    static func path(_ name: String) throws -> String {
        try url(name).path
    }

    /// Evaluates `query` (with the `em` binding) on the fixture `name`.
    static func evaluate(_ query: String, on name: String) throws -> XPathValue {
        try XMLDocument.evaluate(XPathExpression(query, namespaces: veeam), in: bytes(name))
    }

    /// Evaluates `query` (with the `em` binding) on an XML string.
    static func evaluate(_ query: String, onXML xml: String) throws -> XPathValue {
        try XMLDocument.evaluate(XPathExpression(query, namespaces: veeam), in: Array(xml.utf8))
    }

    /// The nodes of a node-set result; records an issue for any other type.
    static func nodes(_ value: XPathValue, sourceLocation: SourceLocation = #_sourceLocation) -> [XMLNodeValue] {
        guard case let .nodeSet(nodes) = value else {
            Issue.record("expected a node-set, got \(value.typeName)", sourceLocation: sourceLocation)
            return []
        }
        return nodes
    }

    /// The error `body` throws, which must be an `XMLError`.
    static func xmlError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> XMLError? {
        do {
            try body()
            Issue.record("expected an XMLError, nothing was thrown", sourceLocation: sourceLocation)
        } catch let error as XMLError {
            return error
        } catch {
            Issue.record("expected an XMLError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
