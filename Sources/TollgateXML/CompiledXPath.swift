import CLibXML2
import Foundation

/// A libxml2 compiled XPath expression, safe to evaluate from any thread.
///
/// libxml2 writes into a compiled expression while evaluating it (it caches looked-up functions in the
/// expression's steps), so evaluations of one expression are serialized by a lock. Each evaluation uses
/// its own XPath context; only the call into `xmlXPathCompiledEval` holds the lock.
final class CompiledXPath: @unchecked Sendable {
    private let lock = NSLock()
    private let expression: xmlXPathCompExprPtr

    /// Compiles `source`; throws `invalidExpression` with libxml2's error position.
    init(_ source: String) throws(XMLError) {
        if let nul = source.utf8.firstIndex(of: 0) {
            let offset = source.utf8.distance(from: source.utf8.startIndex, to: nul)
            throw .invalidExpression(message: "the expression contains a NUL character", offset: offset)
        }
        guard let context = xmlXPathNewContext(nil) else {
            throw .invalidExpression(message: "libxml2 could not allocate an XPath context", offset: nil)
        }
        defer { xmlXPathFreeContext(context) }
        let recorder = XPathErrorRecorder()
        recorder.install(on: context)
        let compiled: xmlXPathCompExprPtr? = withExtendedLifetime(recorder) {
            xmlXPathCtxtCompile(context, source)
        }
        guard let compiled else {
            let offset = recorder.offset.map { min(max($0, 0), source.utf8.count) }
            throw .invalidExpression(message: recorder.message ?? "invalid expression", offset: offset)
        }
        expression = compiled
    }

    deinit {
        xmlXPathFreeCompExpr(expression)
    }

    /// Evaluates on `document` (with the document node as context node) and copies the result into Swift.
    func evaluate(
        in document: xmlDocPtr, namespaces: [String: String], variables: [String: String] = [:]
    ) throws(XMLError) -> XPathValue {
        guard let context = xmlXPathNewContext(document) else {
            throw .evaluationFailed(message: "libxml2 could not allocate an XPath context")
        }
        defer { xmlXPathFreeContext(context) }
        context.pointee.node = xmlNodePtr(OpaquePointer(document))
        for (prefix, uri) in namespaces {
            if xmlXPathRegisterNs(context, prefix, uri) != 0 {
                throw .evaluationFailed(message: "libxml2 refused the namespace binding '\(prefix)' = '\(uri)'")
            }
        }
        for (name, value) in variables {
            // libxml2 takes ownership of the value object.
            if xmlXPathRegisterVariable(context, name, xmlXPathNewString(value)) != 0 {
                throw .evaluationFailed(message: "libxml2 refused the variable '$\(name)'")
            }
        }
        let recorder = XPathErrorRecorder()
        recorder.install(on: context)
        let result: xmlXPathObjectPtr? = withExtendedLifetime(recorder) {
            lock.withLock { xmlXPathCompiledEval(expression, context) }
        }
        guard let result else {
            throw .evaluationFailed(message: recorder.message ?? "libxml2 returned no result")
        }
        defer { xmlXPathFreeObject(result) }
        if let message = recorder.message {
            throw .evaluationFailed(message: message)
        }
        return try XPathValue(copying: result, in: document)
    }
}
