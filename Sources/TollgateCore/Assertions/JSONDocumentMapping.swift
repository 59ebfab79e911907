/// Turns a JSON body into the XML document that `json:` assertions, `json` captures and
/// `poll.body: json` conditions query (the mapping documented in the scenario format).
///
/// - The JSON value becomes the content of a `<json>` root element.
/// - An object member `"K": v` becomes `<K>v</K>`; a key that is not an XML NCName becomes `<_ name="K">`.
/// - An array member `"K": [a, b]` becomes one `<K>` per item (`[]` gives nothing), so `count(/json/K)` is its length.
/// - An array that is the root value or an item of another array writes its items as `<item>` elements.
/// - Strings are text; numbers keep their JSON spelling; booleans are `true`/`false`; `null` is an empty
///   element with `null="true"`.
///
/// The parser is written here rather than using `JSONSerialization` so that numbers keep their exact text,
/// booleans never turn into `1`/`0`, duplicate keys keep their order and errors name a line and column.
/// A leading UTF-8 byte order mark is ignored (protocol §9 mentions servers sending one).
public enum JSONDocumentMapping {
    /// Nesting deeper than this is rejected, so a hostile body cannot exhaust the stack.
    public static let maximumDepth = 256

    /// The XML document (UTF-8) for a JSON text.
    public static func xml(fromJSON bytes: [UInt8]) throws(JSONMappingError) -> [UInt8] {
        var parser = JSONMappingParser(bytes: bytes)
        return try parser.document()
    }
}
