import CLibXML2

/// Process-wide libxml2 set-up shared by every TollgateXML entry point.
///
/// libxml2 needs `xmlInitParser()` once before it is used from several threads, and by default it prints
/// errors to stderr. Every public entry point calls `LibXML2.prepare()` first: the first call initialises
/// libxml2 (a `static let` initialiser runs exactly once, thread-safely), and every call silences the
/// generic error channel of the calling thread, because libxml2 keeps that handler per thread.
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        tollgate_silence_generic_errors_by_default()
        tollgate_silence_generic_errors_on_this_thread()
        // Resources that libxml2 itself loads (only `xs:include` / `xs:import` of a schema do) may come from
        // local files but never from the network. Documents never load anything: see `XMLDocument+Parsing`.
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        return true
    }()

    /// Initialises libxml2 once per process and silences its error printer on the calling thread.
    static func prepare() {
        _ = initialized
        tollgate_silence_generic_errors_on_this_thread()
    }

    /// Copies a libxml2 string into Swift (libxml2 strings are UTF-8); `nil` becomes "".
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// Copies and frees a string that libxml2 allocated for the caller.
    static func consume(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        defer { tollgate_xml_free(pointer) }
        return String(cString: pointer)
    }

    /// A libxml2 error message on one line (libxml2 ends messages with a newline and puts the bytes of
    /// an encoding error on a second line).
    static func message(of error: UnsafePointer<xmlError>) -> String {
        guard let text = error.pointee.message else { return "unknown libxml2 error" }
        return String(cString: text).split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { $0.trimmingXMLWhitespace() }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

extension StringProtocol {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF).
    func trimmingXMLWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
