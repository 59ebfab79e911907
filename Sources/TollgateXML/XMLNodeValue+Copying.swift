import CLibXML2

extension XMLNodeValue {
    /// Copies a node of a libxml2 node-set into Swift. `node` must belong to `document` and stay alive
    /// for the duration of the call.
    init(copying node: xmlNodePtr, in document: xmlDocPtr) {
        // A node-set's namespace nodes are `xmlNs` copies (same leading layout as `xmlNode`: a pointer,
        // then the type), so the type must be checked before the node is read as an `xmlNode`.
        if node.pointee.type == XML_NAMESPACE_DECL {
            let namespace = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlNs.self)
            let prefix = LibXML2.string(namespace.pointee.prefix)
            let uri = LibXML2.string(namespace.pointee.href)
            let attributeName = prefix.isEmpty ? "xmlns" : "xmlns:" + prefix
            self.init(
                kind: .namespace, name: prefix, stringValue: uri, line: nil,
                markup: Self.truncated(attributeName + "=\"" + XMLEscaping.escapeAttribute(uri) + "\""))
            return
        }
        let kind = Self.kind(of: node.pointee.type)
        let name = Self.qualifiedName(of: node, kind: kind)
        let stringValue = LibXML2.consume(xmlXPathCastNodeToString(node))
        let lineNumber = kind == .document ? 0 : xmlGetLineNo(node)
        let line = lineNumber > 0 ? Int(lineNumber) : nil
        let markup: String
        if kind == .attribute {
            markup = Self.truncated(name + "=\"" + XMLEscaping.escapeAttribute(stringValue) + "\"")
        } else {
            markup = Self.serialize(node, in: document)
        }
        self.init(kind: kind, name: name, stringValue: stringValue, line: line, markup: markup)
    }

    private static func kind(of type: xmlElementType) -> Kind {
        switch type {
        case XML_ELEMENT_NODE: return .element
        case XML_ATTRIBUTE_NODE: return .attribute
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        case XML_COMMENT_NODE: return .comment
        case XML_PI_NODE: return .processingInstruction
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE: return .document
        default: return .other
        }
    }

    private static func qualifiedName(of node: xmlNodePtr, kind: Kind) -> String {
        switch kind {
        case .element, .attribute:
            let local = LibXML2.string(node.pointee.name)
            guard let prefix = node.pointee.ns?.pointee.prefix else { return local }
            return LibXML2.string(prefix) + ":" + local
        case .processingInstruction:
            return LibXML2.string(node.pointee.name)
        case .text, .comment, .document, .namespace, .other:
            return ""
        }
    }

    /// Serializes `node` as XML, stopping once enough bytes for `markupLimit` characters were written, so a
    /// large subtree is never copied whole.
    private static func serialize(_ node: xmlNodePtr, in document: xmlDocPtr) -> String {
        let sink = MarkupSink(byteLimit: markupLimit * 4 + 4)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let written: String? = withExtendedLifetime(sink) {
            guard let output = xmlOutputBufferCreateIO(markupSinkWrite, nil, context, nil) else { return nil }
            xmlNodeDumpOutput(output, document, node, 0, 0, nil)
            xmlOutputBufferClose(output)
            if sink.overflowed { sink.dropIncompleteLastCharacter() }
            return String(decoding: sink.bytes, as: UTF8.self)
        }
        guard let written else { return "" }
        return truncated(written, forceMarker: sink.overflowed)
    }

    /// `text` cut to `markupLimit` characters, ending with "…" when anything was cut.
    static func truncated(_ text: String, forceMarker: Bool = false) -> String {
        guard forceMarker || text.count > markupLimit else { return text }
        return String(text.prefix(markupLimit - 1)) + "…"
    }
}

/// Collects at most `byteLimit` bytes of libxml2 serializer output.
private final class MarkupSink {
    let byteLimit: Int
    var bytes: [UInt8] = []
    var overflowed = false

    init(byteLimit: Int) {
        self.byteLimit = byteLimit
    }

    /// Removes the UTF-8 sequence the byte limit may have cut (and, harmlessly, one whole character).
    func dropIncompleteLastCharacter() {
        while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
        if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
    }
}

/// libxml2 output callback: appends to the `MarkupSink` in `context`; fails (-1) once the sink is full,
/// which makes libxml2 skip the rest of the serialization.
private func markupSinkWrite(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return length > 0 ? -1 : 0 }
    let sink = Unmanaged<MarkupSink>.fromOpaque(context).takeUnretainedValue()
    let room = sink.byteLimit - sink.bytes.count
    let taken = min(room, Int(length))
    buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: taken))
    }
    if taken < Int(length) {
        sink.overflowed = true
        return -1
    }
    return length
}
