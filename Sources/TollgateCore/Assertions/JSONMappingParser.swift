/// A recursive-descent JSON reader that writes the XML mapping as it goes.
struct JSONMappingParser {
    private let bytes: [UInt8]
    private var index = 0
    private var output: [UInt8] = []
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func document() throws(JSONMappingError) -> [UInt8] {
        output.reserveCapacity(bytes.count + bytes.count / 2 + 16)
        skipWhitespace()
        guard index < bytes.count else { throw error("the body is empty, expected a JSON value") }
        try element(named: "json", nameAttribute: nil)
        skipWhitespace()
        guard index >= bytes.count else { throw error("unexpected text after the JSON value") }
        return output
    }

    // MARK: Values

    /// Writes `<name>value</name>` for the value at the cursor (the items of an array value become `<item>`).
    private mutating func element(named name: String, nameAttribute: String?)
        throws(JSONMappingError)
    {
        guard let byte = peek() else { throw error("expected a JSON value") }
        switch byte {
        case UInt8(ascii: "{"):
            openTag(name, nameAttribute: nameAttribute)
            try object()
            closeTag(name)
        case UInt8(ascii: "["):
            openTag(name, nameAttribute: nameAttribute)
            try arrayItems(elementName: "item", nameAttribute: nil)
            closeTag(name)
        case UInt8(ascii: "n"):
            try literal("null")
            write("<\(name)")
            writeNameAttribute(nameAttribute)
            write(" null=\"true\"/>")
        default:
            openTag(name, nameAttribute: nameAttribute)
            try scalar()
            closeTag(name)
        }
    }

    /// Reads an object and writes its members as child elements.
    private mutating func object() throws(JSONMappingError) {
        try enter()
        index += 1  // {
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let key = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
            index += 1
            skipWhitespace()
            let (elementName, nameAttribute) = Self.elementName(for: key)
            if peek() == UInt8(ascii: "[") {
                // An array member becomes one element per item.
                try arrayItems(elementName: elementName, nameAttribute: nameAttribute)
            } else {
                try element(named: elementName, nameAttribute: nameAttribute)
            }
            skipWhitespace()
            guard let next = peek() else { throw error("unterminated object, expected ',' or '}'") }
            index += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else {
                index -= 1
                throw error("expected ',' or '}' after an object member")
            }
        }
        depth -= 1
    }

    /// Reads an array; each item becomes an element called `elementName` (nested arrays inside use `item`).
    private mutating func arrayItems(elementName: String, nameAttribute: String?) throws(JSONMappingError) {
        try enter()
        index += 1  // [
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try element(named: elementName, nameAttribute: nameAttribute)
            skipWhitespace()
            guard let next = peek() else { throw error("unterminated array, expected ',' or ']'") }
            index += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else {
                index -= 1
                throw error("expected ',' or ']' after an array item")
            }
        }
        depth -= 1
    }

    /// Writes a string, number or boolean at the cursor as escaped text.
    private mutating func scalar() throws(JSONMappingError) {
        guard let byte = peek() else { throw error("expected a JSON value") }
        switch byte {
        case UInt8(ascii: "\""):
            writeEscapedText(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            write("true")
        case UInt8(ascii: "f"):
            try literal("false")
            write("false")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try number()
            output.append(contentsOf: bytes[start..<index])
        default:
            throw error("unexpected character '\(Self.printable(byte))', expected a JSON value")
        }
    }

    private mutating func enter() throws(JSONMappingError) {
        depth += 1
        if depth > JSONDocumentMapping.maximumDepth {
            throw error("nesting deeper than \(JSONDocumentMapping.maximumDepth) levels")
        }
    }

    private mutating func literal(_ word: String) throws(JSONMappingError) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("invalid literal, expected '\(word)'")
        }
        index += expected.count
    }

    private mutating func number() throws(JSONMappingError) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), Self.isDigit(first) else { throw error("invalid number, expected a digit") }
        index += 1
        if first != UInt8(ascii: "0") {
            while let digit = peek(), Self.isDigit(digit) { index += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), Self.isDigit(digit) else { throw error("invalid number, expected a digit after '.'") }
            while let digit = peek(), Self.isDigit(digit) { index += 1 }
        }
        if let exponent = peek(), exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), Self.isDigit(digit) else { throw error("invalid number, expected an exponent") }
            while let digit = peek(), Self.isDigit(digit) { index += 1 }
        }
    }

    /// Reads a string literal (cursor on the opening quote) and returns its decoded text.
    private mutating func string() throws(JSONMappingError) -> String {
        index += 1  // "
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard let byte = peek() else { throw error("unterminated string") }
            if byte == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw error("control character in a string (escape it)") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            flush(index)
            index += 1
            guard let escape = peek() else { throw error("unterminated escape sequence") }
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                scalars.append(try unicodeEscape())
            default:
                index -= 1
                throw error("invalid escape '\\\(Self.printable(escape))'")
            }
            runStart = index
        }
    }

    /// Decodes `XXXX` (and a following `\uXXXX` low surrogate); lone surrogates become U+FFFD.
    private mutating func unicodeEscape() throws(JSONMappingError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let low = try hex4()
                if (0xDC00...0xDFFF).contains(low) {
                    let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                index = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func hex4() throws(JSONMappingError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    // MARK: Output

    private mutating func openTag(_ name: String, nameAttribute: String?) {
        write("<\(name)")
        writeNameAttribute(nameAttribute)
        write(">")
    }

    private mutating func closeTag(_ name: String) {
        write("</\(name)>")
    }

    private mutating func writeNameAttribute(_ value: String?) {
        guard let value else { return }
        write(" name=\"")
        writeEscapedText(value, inAttribute: true)
        write("\"")
    }

    private mutating func write(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// Escapes markup characters; characters XML 1.0 forbids become U+FFFD.
    private mutating func writeEscapedText(_ text: String, inAttribute: Bool = false) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": write("&amp;")
            case "<": write("&lt;")
            case ">": write("&gt;")
            case "\"" where inAttribute: write("&quot;")
            case "\r": write("&#13;")
            case "\n" where inAttribute: write("&#10;")
            case "\t" where inAttribute: write("&#9;")
            default:
                let value = scalar.value
                let allowed =
                    value == 0x9 || value == 0xA || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
                output.append(contentsOf: String(allowed ? scalar : "\u{FFFD}").utf8)
            }
        }
    }

    // MARK: Helpers

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        {
            index += 1
        }
    }

    private func error(_ message: String) -> JSONMappingError {
        var line = 1
        var column = 1
        for byte in bytes[0..<min(index, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONMappingError(message: message, line: line, column: column)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16, uppercase: true)
    }

    /// The element name for a member key: the key itself when it is an NCName, else `_` with a `name` attribute.
    static func elementName(for key: String) -> (name: String, nameAttribute: String?) {
        isNCName(key) ? (key, nil) : ("_", key)
    }

    /// True when `name` is a valid XML NCName (no colon).
    static func isNCName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        guard isNameStart(first) else { return false }
        return name.unicodeScalars.dropFirst().allSatisfy(isNameCharacter)
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if isNameStart(scalar) { return true }
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
