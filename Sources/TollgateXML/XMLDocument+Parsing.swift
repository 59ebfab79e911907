import CLibXML2

/// Safe parsing.
///
/// - Options: `XML_PARSE_NONET` (no network) and `XML_PARSE_BIG_LINES` (true line numbers past 65535);
///   never `NOENT`, `DTDLOAD`, `DTDATTR`, `DTDVALID`, `XINCLUDE`, `HUGE` or `RECOVER`. Whitespace is kept.
/// - Entities: like defusedxml, a document whose DTD declares any entity (general or parameter, internal,
///   external or unparsed) is rejected with `forbiddenConstruct` as soon as the declaration is read, before
///   any reference can be expanded: this stops entity-expansion bombs in constant time and memory and
///   external entities before they are resolved. REST bodies never carry DTDs. A DOCTYPE without entity
///   declarations is accepted; its external subset is never loaded.
/// - External resources: the parser context's entity resolver refuses everything, so parsing never reads
///   a file or the network even if libxml2 tried.
/// - Errors: raised to a per-context structured handler (never printed); the first one is reported.
/// - Well-formedness includes namespace well-formedness (an undeclared prefix in the document is an error).
extension XMLDocument {
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses `bytes`; throws `malformedDocument` or `forbiddenConstruct`.
    init(parsing bytes: [UInt8]) throws(XMLError) {
        LibXML2.prepare()
        guard !bytes.isEmpty else {
            throw .malformedDocument(message: "Document is empty", line: 1, column: 1)
        }
        guard bytes.count < Int(Int32.max) else {
            throw .malformedDocument(message: "Document is larger than 2 GiB", line: 1, column: 1)
        }
        let diagnostics = ParseDiagnostics()
        let parsed: xmlDocPtr? = withExtendedLifetime(diagnostics) {
            bytes.withUnsafeBufferPointer { Self.parse($0, reportingTo: diagnostics) }
        }
        if let forbidden = diagnostics.forbiddenConstruct {
            if let parsed { xmlFreeDoc(parsed) }
            throw .forbiddenConstruct(message: forbidden.message, line: forbidden.line)
        }
        guard let parsed else {
            let problem = diagnostics.rejection
            throw .malformedDocument(
                message: problem?.message ?? "libxml2 rejected the document without a message",
                line: problem?.line ?? 1, column: problem?.column ?? 1)
        }
        self.init(adopting: parsed)
    }

    /// Runs libxml2's parser; returns the document only when it is well-formed and nothing was forbidden.
    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, reportingTo diagnostics: ParseDiagnostics) -> xmlDocPtr? {
        guard let base = buffer.baseAddress else { return nil }
        let created = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
        }
        guard let context = created else { return nil }
        defer { xmlFreeParserCtxt(context) }
        xmlCtxtUseOptions(context, parseOptions)
        context.pointee._private = Unmanaged.passUnretained(diagnostics).toOpaque()
        if let sax = context.pointee.sax {
            sax.pointee.serror = recordParseError
            sax.pointee.entityDecl = refuseEntityDeclaration
            sax.pointee.unparsedEntityDecl = refuseUnparsedEntityDeclaration
            sax.pointee.resolveEntity = refuseExternalResource
            sax.pointee.externalSubset = nil
        }
        xmlParseDocument(context)
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        let wellFormed = context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
        guard wellFormed, diagnostics.forbiddenConstruct == nil, let document else {
            if let document { xmlFreeDoc(document) }
            return nil
        }
        return document
    }
}

/// The diagnostics of the parser context that `saxContext` (libxml2's `ctxt->userData`, the context itself) is.
private func diagnostics(of saxContext: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseDiagnostics)? {
    guard let saxContext else { return nil }
    let context = saxContext.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let diagnostics = context.pointee._private else { return nil }
    return (context, Unmanaged<ParseDiagnostics>.fromOpaque(diagnostics).takeUnretainedValue())
}

private func recordParseError(_ saxContext: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let error, let (_, diagnostics) = diagnostics(of: saxContext) else { return }
    diagnostics.record(error)
}

/// Stops the parser at the first entity declaration.
private func refuse(entity name: UnsafePointer<xmlChar>?, in saxContext: UnsafeMutableRawPointer?) {
    guard let (context, diagnostics) = diagnostics(of: saxContext) else { return }
    let line = Int(context.pointee.input?.pointee.line ?? 1)
    let column = Int(context.pointee.input?.pointee.col ?? 1)
    diagnostics.recordForbidden(
        "the DTD declares entity '\(LibXML2.string(name))'; documents that declare entities are refused "
            + "(entity expansion and external entities are unsafe)",
        line: line, column: column)
    xmlStopParser(context)
}

private func refuseEntityDeclaration(
    _ saxContext: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
    _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?, _ content: UnsafeMutablePointer<xmlChar>?
) {
    refuse(entity: name, in: saxContext)
}

private func refuseUnparsedEntityDeclaration(
    _ saxContext: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ publicID: UnsafePointer<xmlChar>?,
    _ systemID: UnsafePointer<xmlChar>?, _ notationName: UnsafePointer<xmlChar>?
) {
    refuse(entity: name, in: saxContext)
}

/// Never resolves an external resource (the document is parsed from memory only).
private func refuseExternalResource(
    _ saxContext: UnsafeMutableRawPointer?, _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?
) -> xmlParserInputPtr? {
    nil
}
