import CLibXML2

/// Receives the errors libxml2 raises on one XPath context (instead of printing them) and keeps the first.
final class XPathErrorRecorder {
    private(set) var code: Int32?
    private(set) var offset: Int?

    /// Routes the errors of `context` to this recorder. The recorder must outlive every use of `context`.
    func install(on context: xmlXPathContextPtr) {
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        context.pointee.error = recordXPathError
    }

    fileprivate func record(_ error: UnsafePointer<xmlError>) {
        guard code == nil else { return }
        code = error.pointee.code
        offset = Int(error.pointee.int1)
    }

    /// A readable description of the first error (libxml2 does not fill in the message of XPath errors
    /// delivered to a context's handler, only their code: `XML_XPATH_EXPRESSION_OK` + an `xmlXPathError`).
    var message: String? {
        guard let code else { return nil }
        let base = Int32(XML_XPATH_EXPRESSION_OK.rawValue)
        guard code >= base else { return "libxml2 error \(code)" }
        switch xmlXPathError(rawValue: UInt32(code - base)) {
        case XPATH_NUMBER_ERROR: return "malformed number"
        case XPATH_UNFINISHED_LITERAL_ERROR: return "unterminated string literal"
        case XPATH_START_LITERAL_ERROR: return "expected a string literal"
        case XPATH_VARIABLE_REF_ERROR: return "malformed variable reference"
        case XPATH_UNDEF_VARIABLE_ERROR: return "undefined variable"
        case XPATH_INVALID_PREDICATE_ERROR: return "invalid predicate"
        case XPATH_EXPR_ERROR: return "syntax error"
        case XPATH_UNCLOSED_ERROR: return "missing closing bracket or parenthesis"
        case XPATH_UNKNOWN_FUNC_ERROR: return "unknown function"
        case XPATH_INVALID_OPERAND: return "invalid operand"
        case XPATH_INVALID_TYPE: return "argument of the wrong type"
        case XPATH_INVALID_ARITY: return "wrong number of arguments"
        case XPATH_INVALID_CTXT_SIZE: return "invalid context size"
        case XPATH_INVALID_CTXT_POSITION: return "invalid context position"
        case XPATH_MEMORY_ERROR: return "out of memory"
        case XPATH_UNDEF_PREFIX_ERROR: return "undeclared namespace prefix"
        case XPATH_ENCODING_ERROR: return "invalid character encoding"
        case XPATH_INVALID_CHAR_ERROR: return "invalid character"
        case XPATH_STACK_ERROR: return "stack error (the expression is malformed)"
        case XPATH_FORBID_VARIABLE_ERROR: return "variables are not allowed"
        case XPATH_OP_LIMIT_EXCEEDED: return "the evaluation exceeded libxml2's operation limit"
        case XPATH_RECURSION_LIMIT_EXCEEDED: return "the expression is nested too deeply"
        default: return "libxml2 XPath error \(code)"
        }
    }
}

/// libxml2 structured error handler for XPath contexts whose `userData` is an `XPathErrorRecorder`.
private func recordXPathError(_ userData: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<xmlError>?) {
    guard let userData, let error else { return }
    Unmanaged<XPathErrorRecorder>.fromOpaque(userData).takeUnretainedValue().record(error)
}
