import CLibXML2

/// What libxml2 reported while parsing one document: the first error and the first forbidden construct.
/// It is reached from libxml2 callbacks through the parser context's `_private` field.
final class ParseDiagnostics {
    /// A located problem.
    struct Problem {
        var message: String
        var line: Int
        var column: Int
    }

    private(set) var firstFatalError: Problem?
    private(set) var firstError: Problem?
    private(set) var forbiddenConstruct: Problem?

    /// The error that best explains why the document was rejected.
    var rejection: Problem? {
        firstFatalError ?? firstError
    }

    func record(_ error: UnsafePointer<xmlError>) {
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
        let problem = Problem(
            message: LibXML2.message(of: error),
            line: max(Int(error.pointee.line), 1),
            column: max(Int(error.pointee.int2), 1))
        if firstError == nil { firstError = problem }
        if level == XML_ERR_FATAL, firstFatalError == nil { firstFatalError = problem }
    }

    func recordForbidden(_ message: String, line: Int, column: Int) {
        if forbiddenConstruct == nil {
            forbiddenConstruct = Problem(message: message, line: max(line, 1), column: max(column, 1))
        }
    }
}
