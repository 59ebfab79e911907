/// One node of a node-set result, copied out of libxml2.
public struct XMLNodeValue: Sendable, Equatable {
    /// The XPath node kind.
    public enum Kind: String, Sendable {
        /// An element.
        case element
        /// An attribute.
        case attribute
        /// A text node (CDATA sections are text nodes too).
        case text
        /// A comment.
        case comment
        /// A processing instruction.
        case processingInstruction
        /// The document (root) node.
        case document
        /// A namespace node (from the `namespace::` axis).
        case namespace
        /// Anything else libxml2 can return.
        case other
    }

    /// The longest `markup` kept, in characters; longer markup ends with "…" at this length.
    public static let markupLimit = 2_000

    /// The node kind.
    public var kind: Kind
    /// Qualified name as written (`prefix:local`); a processing instruction's target; a namespace node's
    /// prefix; "" for text, comment and document nodes and for a default namespace node.
    public var name: String
    /// The node's XPath string-value.
    public var stringValue: String
    /// Source line in the parsed document as libxml2 records it (for an element, the line where its start
    /// tag ends; for an attribute, its element's line); `nil` when unknown (document and namespace nodes).
    public var line: Int?
    /// Serialized XML of the node (attribute: `name="value"`), at most `markupLimit` characters.
    public var markup: String

    /// Creates a node value.
    public init(kind: Kind, name: String, stringValue: String, line: Int?, markup: String) {
        self.kind = kind
        self.name = name
        self.stringValue = stringValue
        self.line = line
        self.markup = markup
    }
}
