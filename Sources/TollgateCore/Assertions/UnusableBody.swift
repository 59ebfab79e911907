import TollgateXML

/// A response body that cannot be read the way the scenario needs it: the server could not be tested.
public enum UnusableBody: Error, Sendable, Equatable {
    /// XML was expected and the body is empty.
    case empty(expected: BodyKind)
    /// XML was expected and the body is not well-formed XML.
    case notXML(XMLError)
    /// JSON was expected and the body is not JSON.
    case notJSON(JSONMappingError)

    /// The format a body was expected in.
    public enum BodyKind: String, Sendable {
        /// XML.
        case xml = "XML"
        /// JSON.
        case json = "JSON"
    }

    /// One line naming the problem and, for a parse error, the line where it is.
    public var message: String {
        switch self {
        case .empty(let kind): return "the response body is empty, expected \(kind.rawValue)"
        case .notXML(let error): return "the response body is not XML: \(error)"
        case .notJSON(let error): return "the response body is not JSON: \(error)"
        }
    }
}
