import TollgateXML

/// Reads the message of an Enterprise Manager `<Error>` body (XML `@Message`, JSON `Message`),
/// so findings can say what the server said (protocol §8).
enum EnterpriseManagerErrorMessage {
    private static let xmlQuery = try? XPathExpression(
        "string(/*[local-name()='Error']/@Message)", namespaces: [:])
    private static let jsonQuery = try? XPathExpression(
        "string(/json/*[local-name()='Message' or local-name()='message'])", namespaces: [:])

    /// The error message, or nil when the body is not an Error document.
    static func extract(from body: [UInt8]) -> String? {
        guard let xmlQuery, let jsonQuery else { return nil }
        if let results = try? BodyQuery.evaluate([xmlQuery], inXML: body),
            case .success(let value)? = results.first, !value.stringValue.isEmpty
        {
            return value.stringValue
        }
        if let results = try? BodyQuery.evaluate([jsonQuery], inJSON: body),
            case .success(let value)? = results.first, !value.stringValue.isEmpty
        {
            return value.stringValue
        }
        return nil
    }
}
