/// A token of an XPath 1.0 expression (XPath 1.0 §3.7, `ExprToken`), with its UTF-8 offset.
struct XPathToken: Equatable {
    /// Token kinds; whitespace is skipped.
    enum Kind: Equatable {
        /// An NCName, a QName, `prefix:*` (local "*") or `*` (no prefix, local "*").
        case name(prefix: String?, local: String)
        /// `$name` or `$prefix:name`.
        case variable(String)
        case literal, number
        case leftParen, rightParen, leftBracket, rightBracket, comma, at, dot, dotDot, doubleColon
        /// `/ // | + - = != < <= > >=`.
        case symbol
        /// A character XPath does not allow here (libxml2's compiler reports the syntax error).
        case unknown
    }

    var kind: Kind
    /// 0-based UTF-8 offset of the token's first byte in the expression.
    var offset: Int
}

/// Splits an XPath 1.0 expression into tokens. It never fails: the syntax itself is checked by libxml2's
/// compiler; the tokens serve the checks libxml2 leaves to evaluation time (prefixes, functions, variables).
struct XPathLexer {
    private let bytes: [UInt8]
    private var index = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// All tokens of the expression, in order.
    static func tokens(of source: String) -> [XPathToken] {
        var lexer = XPathLexer(source)
        var tokens: [XPathToken] = []
        while let token = lexer.next() { tokens.append(token) }
        return tokens
    }

    private mutating func next() -> XPathToken? {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return nil }
        let start = index
        let byte = bytes[index]
        let following: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
        index += 1
        let kind: XPathToken.Kind
        switch byte {
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "["): kind = .leftBracket
        case UInt8(ascii: "]"): kind = .rightBracket
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: "@"): kind = .at
        case UInt8(ascii: "*"): kind = .name(prefix: nil, local: "*")
        case UInt8(ascii: "|"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="): kind = .symbol
        case UInt8(ascii: "/"):
            if following == UInt8(ascii: "/") { index += 1 }
            kind = .symbol
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            if following == UInt8(ascii: "=") { index += 1 }
            kind = .symbol
        case UInt8(ascii: "!"):
            if following == UInt8(ascii: "=") {
                index += 1
                kind = .symbol
            } else {
                kind = .unknown
            }
        case UInt8(ascii: ":"):
            if following == UInt8(ascii: ":") {
                index += 1
                kind = .doubleColon
            } else {
                kind = .unknown
            }
        case UInt8(ascii: "."):
            if following == UInt8(ascii: ".") {
                index += 1
                kind = .dotDot
            } else if let following, Self.isDigit(following) {
                skipDigits()
                kind = .number
            } else {
                kind = .dot
            }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            while index < bytes.count, bytes[index] != byte { index += 1 }
            index = min(index + 1, bytes.count)
            kind = .literal
        case UInt8(ascii: "$"):
            let (prefix, local) = readQName()
            kind = .variable(prefix.map { $0 + ":" + local } ?? local)
        default:
            if Self.isDigit(byte) {
                skipDigits()
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    skipDigits()
                }
                kind = .number
            } else if Self.isNameStart(byte) {
                index = start
                let (prefix, local) = readQName()
                kind = .name(prefix: prefix, local: local)
            } else {
                kind = .unknown
            }
        }
        return XPathToken(kind: kind, offset: start)
    }

    /// Reads `NCName`, `NCName:NCName` or `NCName:*` at the current position.
    private mutating func readQName() -> (prefix: String?, local: String) {
        let first = readNCName()
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":") else { return (nil, first) }
        let afterColon = bytes[index + 1]
        if afterColon == UInt8(ascii: "*") {
            index += 2
            return (first, "*")
        }
        guard Self.isNameStart(afterColon) else { return (nil, first) }
        index += 1
        return (first, readNCName())
    }

    private mutating func readNCName() -> String {
        let start = index
        while index < bytes.count, Self.isNameCharacter(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipDigits() {
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// ASCII letters, `_` and any non-ASCII byte (non-ASCII name characters are left to libxml2 to judge).
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool {
        isNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
