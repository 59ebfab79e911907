import CLibXML2

/// An XML Schema (XSD) loaded once and usable from many threads to validate bodies.
///
/// A compiled libxml2 schema is read-only once parsed; every validation uses its own validation context,
/// so concurrent validations are safe (hence `@unchecked Sendable`).
public final class XMLSchema: @unchecked Sendable {
    /// The path the schema was loaded from.
    public let path: String
    private let schema: xmlSchemaPtr

    /// Loads and compiles the schema at `path`. Local `xs:include` / `xs:import` are followed (relative to
    /// the schema file); network locations are refused. Throws `XMLError.schemaUnreadable`.
    public init(contentsOf path: String) throws(XMLError) {
        LibXML2.prepare()
        if path.utf8.contains(0) {
            throw .schemaUnreadable(path: path, message: "the path contains a NUL character")
        }
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw .schemaUnreadable(path: path, message: "libxml2 could not create a schema parser")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let recorder = SchemaErrorRecorder()
        let compiled: xmlSchemaPtr? = withExtendedLifetime(recorder) {
            xmlSchemaSetParserStructuredErrors(parser, recordSchemaError, recorder.context)
            // libxml2 reads the schema files with parser contexts of its own, whose errors (say, a malformed
            // included file) only reach the calling thread's structured handler: collect them too, meanwhile.
            xmlSetStructuredErrorFunc(recorder.context, recordSchemaError)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return xmlSchemaParse(parser)
        }
        guard let compiled else {
            throw .schemaUnreadable(path: path, message: Self.explanation(of: recorder.entries.first, loading: path))
        }
        self.path = path
        schema = compiled
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// "line L: message", or "FILE line L: message" when the error is in another (included) file.
    private static func explanation(of entry: SchemaErrorRecorder.Entry?, loading path: String) -> String {
        guard let entry else { return "libxml2 could not compile the schema" }
        switch entry.file {
        case nil: return entry.violation.message
        case path: return "line \(entry.violation.line): \(entry.violation.message)"
        case let file?: return "\(file) line \(entry.violation.line): \(entry.violation.message)"
        }
    }

    /// Validates a body. An empty array means valid. A body that is not well-formed (or is refused by the
    /// safe parser) gives exactly one violation carrying the parse error's position.
    public func validate(_ bytes: [UInt8]) -> [SchemaViolation] {
        do throws(XMLError) {
            let document = try XMLDocument(parsing: bytes)
            return validate(document)
        } catch {
            switch error {
            case let .malformedDocument(message, line, column):
                return [SchemaViolation(line: line, column: column, message: message)]
            case let .forbiddenConstruct(message, line):
                return [SchemaViolation(line: line, column: nil, message: message)]
            default:
                return [SchemaViolation(line: 1, column: nil, message: error.description)]
            }
        }
    }

    /// Validates a document that is already parsed. An empty array means valid.
    public func validate(_ document: borrowing XMLDocument) -> [SchemaViolation] {
        LibXML2.prepare()
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            return [SchemaViolation(line: 1, column: nil, message: "libxml2 could not create a schema validator")]
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        let recorder = SchemaErrorRecorder()
        let result = withExtendedLifetime(recorder) {
            xmlSchemaSetValidStructuredErrors(validator, recordSchemaError, recorder.context)
            return xmlSchemaValidateDoc(validator, document.pointer)
        }
        if result != 0, recorder.violations.isEmpty {
            return [SchemaViolation(line: 1, column: nil, message: "libxml2 could not validate the document (code \(result))")]
        }
        return recorder.violations
    }
}
