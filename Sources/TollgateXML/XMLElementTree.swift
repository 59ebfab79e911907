import CLibXML2

/// An XML element copied into Swift with its namespace-qualified name, attributes, text and child elements:
/// what a structural comparison of two bodies walks. Comments and processing instructions are left out;
/// the text is the element's own text children joined and trimmed (whitespace between elements is not text).
public struct XMLElementTree: Sendable, Equatable {
    /// An attribute: its namespace URI (empty for none), local name and value.
    public struct Attribute: Sendable, Equatable {
        /// The namespace URI, empty when the attribute has none.
        public var namespace: String
        /// The local name.
        public var name: String
        /// The value.
        public var value: String
    }

    /// The element's namespace URI, empty when it has none.
    public var namespace: String
    /// The local name.
    public var name: String
    /// The attributes, in document order.
    public var attributes: [Attribute]
    /// The element's own text, trimmed; empty when it has none.
    public var text: String
    /// The child elements, in document order.
    public var children: [XMLElementTree]

    /// Parses `bytes` as ``XMLDocument`` does (safely) and copies the root element.
    public static func parse(_ bytes: [UInt8]) throws -> XMLElementTree {
        try XMLDocument.withParsed(bytes) { document in
            guard let root = xmlDocGetRootElement(document.pointer) else { throw XMLError.malformedDocument(message: "no root element", line: 1, column: 1) }
            return XMLElementTree(copying: root)
        }
    }

    private init(copying node: xmlNodePtr) {
        namespace = LibXML2.string(node.pointee.ns?.pointee.href)
        name = LibXML2.string(node.pointee.name)
        var attributes: [Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = LibXML2.consume(xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)))
            attributes.append(Attribute(
                namespace: LibXML2.string(current.pointee.ns?.pointee.href), name: LibXML2.string(current.pointee.name), value: value))
            attribute = current.pointee.next
        }
        self.attributes = attributes
        var text = ""
        var children: [XMLElementTree] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(XMLElementTree(copying: current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += LibXML2.string(current.pointee.content)
            default: break
            }
            child = current.pointee.next
        }
        self.text = Self.trimmed(text)
        self.children = children
    }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF).
    private static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}
