import Foundation
import TollgateXML

/// Reads values out of a response body that may be XML or JSON (the JSON mapping), as profiles do
/// for tokens, links and fingerprints. Unusable bodies give no values, never an error.
enum ResponseValues {
    /// Every non-empty text the expression selects (each node of a node-set, or the one value),
    /// trying JSON first when the response says it is JSON, XML first otherwise.
    static func texts(_ xml: XPathExpression?, _ json: XPathExpression?, in response: ReceivedResponse) -> [String] {
        let preferJSON = response.header("Content-Type")?.lowercased().contains("json") ?? false
        let attempts: [(XPathExpression?, UnusableBody.BodyKind)] =
            preferJSON ? [(json, .json), (xml, .xml)] : [(xml, .xml), (json, .json)]
        for (expression, kind) in attempts {
            guard let expression, let results = try? BodyQuery.evaluate([expression], in: response.body, as: kind),
                case .success(let value)? = results.first
            else { continue }
            let texts: [String]
            switch value {
            case .nodeSet(let nodes): texts = nodes.map(\.stringValue)
            default: texts = [value.stringValue]
            }
            let trimmed = texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if !trimmed.isEmpty { return trimmed }
        }
        return []
    }

    /// The first text, or nil.
    static func text(_ xml: XPathExpression?, _ json: XPathExpression?, in response: ReceivedResponse) -> String? {
        texts(xml, json, in: response).first
    }
}
