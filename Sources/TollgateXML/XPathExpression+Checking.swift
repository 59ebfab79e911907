/// Checks libxml2 leaves to evaluation time, done when the expression is created so that a wrong expression
/// is reported before any document is seen: namespace prefixes, function names and arity, and variables.
extension XPathExpression {
    /// The namespace libxml2 binds to `xml` (always available).
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    /// The namespace of the one extension function libxml2 registers, `escape-uri(string, boolean)`.
    static let xqueryFunctionsNamespace = "http://www.w3.org/2002/08/xquery-functions"

    /// XPath 1.0 core functions (§4) with their minimum and maximum argument counts (nil: no maximum).
    private static let coreFunctions: [String: (minimum: Int, maximum: Int?)] = [
        "last": (0, 0), "position": (0, 0), "count": (1, 1), "id": (1, 1),
        "local-name": (0, 1), "namespace-uri": (0, 1), "name": (0, 1),
        "string": (0, 1), "concat": (2, nil), "starts-with": (2, 2), "contains": (2, 2),
        "substring-before": (2, 2), "substring-after": (2, 2), "substring": (2, 3),
        "string-length": (0, 1), "normalize-space": (0, 1), "translate": (3, 3),
        "boolean": (1, 1), "not": (1, 1), "true": (0, 0), "false": (0, 0), "lang": (1, 1),
        "number": (0, 1), "sum": (1, 1), "floor": (1, 1), "ceiling": (1, 1), "round": (1, 1),
    ]

    /// Node type tests, which look like function calls.
    private static let nodeTypes: Set<String> = ["node", "text", "comment", "processing-instruction"]

    /// Throws if a namespace binding cannot be used from XPath.
    static func checkBindings(_ namespaces: [String: String]) throws(XMLError) {
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
            if prefix.isEmpty {
                throw .invalidNamespaceBinding(
                    prefix: prefix,
                    message: "XPath 1.0 has no default namespace; bind a prefix and use it in the expression")
            }
            let bytes = Array(prefix.utf8)
            let isNCName = XPathLexer.isNameStart(bytes[0]) && bytes.allSatisfy(XPathLexer.isNameCharacter)
            if !isNCName {
                throw .invalidNamespaceBinding(prefix: prefix, message: "a prefix must be an XML name without ':'")
            }
            if prefix == "xmlns" {
                throw .invalidNamespaceBinding(prefix: prefix, message: "the prefix 'xmlns' is reserved")
            }
            if prefix == "xml", uri != xmlNamespace {
                throw .invalidNamespaceBinding(prefix: prefix, message: "the prefix 'xml' is bound to \(xmlNamespace)")
            }
            if uri.isEmpty {
                throw .invalidNamespaceBinding(prefix: prefix, message: "the namespace URI is empty")
            }
            if uri.utf8.contains(0) {
                throw .invalidNamespaceBinding(prefix: prefix, message: "the namespace URI contains a NUL character")
            }
        }
    }

    /// Throws the first problem in source order: an undeclared prefix, an unknown function, a wrong number
    /// of arguments or a prefixed variable reference. Returns the `$name` variable references, in order.
    /// Call only after libxml2 compiled `source` successfully.
    static func checkNames(
        in source: String, namespaces: [String: String]
    ) throws(XMLError) -> [XPathVariableReference] {
        let tokens = XPathLexer.tokens(of: source)
        var variables: [XPathVariableReference] = []
        try checkBalance(of: tokens)
        // XPath 1.0 §3.7: after an operand, a name or `*` is an operator (`and`, `or`, `div`, `mod`, `*`).
        var afterOperand = false
        for (position, token) in tokens.enumerated() {
            let nextKind = position + 1 < tokens.count ? tokens[position + 1].kind : nil
            switch token.kind {
            case let .name(prefix, local):
                if afterOperand {
                    afterOperand = false  // an operator name
                } else if nextKind == .leftParen {
                    try checkFunction(prefix: prefix, local: local, at: position, in: tokens, namespaces: namespaces)
                    afterOperand = false
                } else if nextKind == .doubleColon {
                    afterOperand = false  // an axis name
                } else {
                    if let prefix { try checkPrefix(prefix, offset: token.offset, namespaces: namespaces) }
                    afterOperand = true
                }
            case let .variable(name):
                guard !name.contains(":") else {
                    throw .invalidExpression(
                        message: "variable '$\(name)' has a prefix; scenario variables have plain names",
                        offset: token.offset)
                }
                variables.append(XPathVariableReference(name: name, offset: token.offset))
                afterOperand = true
            case .literal, .number, .rightParen, .rightBracket, .dot, .dotDot:
                afterOperand = true
            case .leftParen, .leftBracket, .comma, .at, .doubleColon, .symbol, .unknown:
                afterOperand = false
            }
        }
        return variables
    }

    /// libxml2 accepts some unclosed calls such as `count(`; every `(` and `[` must be closed in order.
    private static func checkBalance(of tokens: [XPathToken]) throws(XMLError) {
        var open: [XPathToken] = []
        for token in tokens {
            switch token.kind {
            case .leftParen, .leftBracket:
                open.append(token)
            case .rightParen, .rightBracket:
                let expected: XPathToken.Kind = token.kind == .rightParen ? .leftParen : .leftBracket
                guard let last = open.popLast(), last.kind == expected else {
                    throw .invalidExpression(message: "unexpected '\(token.kind == .rightParen ? ")" : "]")'", offset: token.offset)
                }
            default:
                break
            }
        }
        if let unclosed = open.last {
            throw .invalidExpression(
                message: "'\(unclosed.kind == .leftParen ? "(" : "[")' is never closed", offset: unclosed.offset)
        }
    }

    private static func checkPrefix(_ prefix: String, offset: Int, namespaces: [String: String]) throws(XMLError) {
        if prefix == "xml" || namespaces[prefix] != nil { return }
        throw .undeclaredPrefix(prefix: prefix, offset: offset)
    }

    private static func checkFunction(
        prefix: String?, local: String, at position: Int, in tokens: [XPathToken], namespaces: [String: String]
    ) throws(XMLError) {
        let offset = tokens[position].offset
        let arguments = argumentCount(ofCallAt: position, in: tokens)
        guard let prefix else {
            if nodeTypes.contains(local) { return }
            guard let arity = coreFunctions[local] else {
                throw .invalidExpression(message: "unknown XPath 1.0 function '\(local)()'", offset: offset)
            }
            try checkArity(name: local, arguments: arguments, minimum: arity.minimum, maximum: arity.maximum, offset: offset)
            return
        }
        try checkPrefix(prefix, offset: offset, namespaces: namespaces)
        guard namespaces[prefix] == xqueryFunctionsNamespace, local == "escape-uri" else {
            throw .invalidExpression(message: "unknown XPath function '\(prefix):\(local)()'", offset: offset)
        }
        try checkArity(name: prefix + ":" + local, arguments: arguments, minimum: 2, maximum: 2, offset: offset)
    }

    private static func checkArity(name: String, arguments: Int, minimum: Int, maximum: Int?, offset: Int) throws(XMLError) {
        if arguments >= minimum, arguments <= (maximum ?? Int.max) { return }
        let expected: String
        switch maximum {
        case minimum: expected = "\(minimum)"
        case let maximum?: expected = "\(minimum) to \(maximum)"
        case nil: expected = "at least \(minimum)"
        }
        throw .invalidExpression(
            message: "function '\(name)()' takes \(expected) argument\(expected == "1" ? "" : "s"), not \(arguments)",
            offset: offset)
    }

    /// The number of arguments of the call whose name is the token at `position` (followed by `(`).
    private static func argumentCount(ofCallAt position: Int, in tokens: [XPathToken]) -> Int {
        var depth = 0
        var commas = 0
        var sawArgument = false
        for token in tokens[(position + 1)...] {
            switch token.kind {
            case .leftParen, .leftBracket:
                depth += 1
                if depth > 1 { sawArgument = true }
            case .rightParen, .rightBracket:
                depth -= 1
                if depth == 0 { return sawArgument ? commas + 1 : 0 }
                sawArgument = true
            case .comma where depth == 1:
                commas += 1
            default:
                sawArgument = true
            }
        }
        return sawArgument ? commas + 1 : 0
    }
}
