import CLibXML2

/// Receives the errors libxml2 raises while compiling a schema or validating against one.
final class SchemaErrorRecorder {
    /// One error, with the file libxml2 named (while loading a schema it may be an included file).
    struct Entry {
        var violation: SchemaViolation
        var file: String?
    }

    private(set) var entries: [Entry] = []

    /// The errors in the order libxml2 raised them.
    var violations: [SchemaViolation] {
        entries.map(\.violation)
    }

    /// The `context` pointer to give libxml2 along with `recordSchemaError`.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    fileprivate func record(_ error: UnsafePointer<xmlError>) {
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        var line = Int(error.pointee.line)
        if line <= 0, let node = error.pointee.node {
            line = Int(xmlGetLineNo(node.assumingMemoryBound(to: xmlNode.self)))
        }
        let column = Int(error.pointee.int2)
        let violation = SchemaViolation(line: max(line, 1), column: column > 0 ? column : nil, message: LibXML2.message(of: error))
        entries.append(Entry(violation: violation, file: error.pointee.file.map { String(cString: $0) }))
    }
}

/// libxml2 structured error handler whose context is a `SchemaErrorRecorder`.
func recordSchemaError(_ context: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let context, let error else { return }
    Unmanaged<SchemaErrorRecorder>.fromOpaque(context).takeUnretainedValue().record(error)
}
