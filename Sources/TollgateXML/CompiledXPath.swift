import CLibXML2
import Foundation

/// A libxml2 compiled XPath expression, safe to evaluate from any thread, with no lock held while it is
/// evaluated.
///
/// libxml2 writes into a compiled expression while evaluating it (it caches looked-up functions in the
/// expression's steps), so one compiled copy must never be evaluated by two threads at once. Each
/// evaluation therefore takes a copy of its own from a pool of idle copies (compiling a new one when none
/// is idle) and gives it back afterwards: the pool grows to the number of evaluations that ever ran at
/// the same moment, and the lock only guards taking and giving back, never the evaluation. Each
/// evaluation also uses its own XPath context.
final class CompiledXPath: @unchecked Sendable {
    private let source: String
    private let lock = NSLock()
    /// Compiled copies no evaluation is using; guarded by `lock`.
    private var idle: [xmlXPathCompExprPtr]

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
        self.source = source
        idle = [compiled]
    }

    deinit {
        for expression in idle { xmlXPathFreeCompExpr(expression) }
    }

    /// How many compiled copies exist (all idle when no evaluation runs); for tests.
    var copyCount: Int { lock.withLock { idle.count } }

    /// An idle compiled copy, or a new one (`source` compiled once already, so compiling again succeeds
    /// unless memory runs out).
    private func takeCopy() throws(XMLError) -> xmlXPathCompExprPtr {
        if let copy = lock.withLock({ idle.popLast() }) { return copy }
        guard let copy = xmlXPathCompile(source) else {
            throw .evaluationFailed(message: "libxml2 could not compile the expression again")
        }
        return copy
    }

    /// Gives a copy back to the pool once its evaluation is over.
    private func giveBack(_ copy: xmlXPathCompExprPtr) {
        lock.withLock { idle.append(copy) }
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
        let expression = try takeCopy()
        defer { giveBack(expression) }
        let result: xmlXPathObjectPtr? = withExtendedLifetime(recorder) {
            xmlXPathCompiledEval(expression, context)
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
