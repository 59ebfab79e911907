/// A value taken from a response into a variable for later steps.
public struct Capture: Sendable {
    /// Where the value comes from.
    public enum Source: Sendable {
        /// An XPath query on the XML body, converted with `string()`.
        case xpath(XPathQuery)
        /// An XPath query on the JSON body's XML mapping, converted with `string()`.
        case json(XPathQuery)
        /// A response header (case-insensitive name).
        case header(String)
        /// A regular expression on the body text; the group's match (0 = whole match).
        case regex(pattern: RegularExpression, group: Int)
    }

    /// The variable name.
    public var name: String
    /// Where the value comes from.
    public var source: Source
    /// Masked in every output when true.
    public var isSecret: Bool
    /// Where the capture is written.
    public var location: SourceLocation

    /// Creates a capture.
    public init(name: String, source: Source, isSecret: Bool = false, location: SourceLocation) {
        self.name = name
        self.source = source
        self.isSecret = isSecret
        self.location = location
    }
}
