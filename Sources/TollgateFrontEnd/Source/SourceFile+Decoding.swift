/// Turning a file's bytes into text, with one clear diagnostic for what is not a YAML text file.
extension SourceFile {
    /// Decodes `bytes` as a YAML file of `kind`: size limit, binary content, UTF-8, characters YAML forbids.
    public static func decode(
        bytes: [UInt8], path: String, maxBytes: Int, kind: FileKind
    ) -> Result<SourceFile, Diagnostic> {
        if bytes.count > maxBytes {
            return .failure(tooLarge(path: path, size: bytes.count, maxBytes: maxBytes, kind: kind))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let position = position(ofByte: nul, in: bytes)
            return .failure(Diagnostic(
                .error,
                "binary content: the file contains a NUL byte",
                at: SourceLocation(file: path, line: position.line, column: position.column),
                help: "\(kind.plural) are YAML text in UTF-8"
            ))
        }
        if let bad = firstInvalidUTF8(bytes) {
            let position = position(ofByte: bad, in: bytes)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return .failure(Diagnostic(
                .error,
                "invalid UTF-8: byte 0x\(hex.count < 2 ? "0" + hex : hex) does not belong here",
                at: SourceLocation(file: path, line: position.line, column: position.column),
                sourceLine: position.lineText,
                label: "not UTF-8",
                help: "save the file as UTF-8"
            ))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        let source = SourceFile(path: path, text: text)
        for (lineIndex, line) in source.lineScalars.enumerated() {
            guard let column = line.firstIndex(where: { !isAllowedInYAML($0) }) else { continue }
            let code = String(line[column].value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return .failure(Diagnostic(
                .error,
                "character U+\(padded) is not allowed in a YAML file",
                at: SourceLocation(file: path, line: lineIndex + 1, column: column + 1),
                sourceLine: source.lines[lineIndex],
                label: "control character",
                help: "remove it, or write it as an escape (\\u\(padded)) inside a double-quoted string"
            ))
        }
        return .success(source)
    }

    /// "file too large: 5 MiB, the limit is 4 MiB".
    public static func tooLarge(path: String, size: Int, maxBytes: Int, kind: FileKind) -> Diagnostic {
        Diagnostic(
            .error, "file too large: \(formatSize(size)), the limit is \(formatSize(maxBytes))",
            at: SourceLocation(file: path, line: 1, column: 1), help: kind.tooLargeHelp)
    }

    /// YAML 1.1 printable characters plus tab and line breaks (what libyaml accepts).
    public static func isAllowedInYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD,
             0x10000...0x10FFFF:
            return true
        default:
            return false
        }
    }

    /// The offset of the first byte that is not well-formed UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// 1-based line and column (in scalars) of a byte, with the line's text decoded leniently.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int, lineText: String) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        let before = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        let text = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        return (line, before.unicodeScalars.count + 1, text)
    }

    /// "512 bytes", "8 KiB", "4.5 MiB".
    public static func formatSize(_ bytes: Int) -> String {
        func format(_ value: Double, _ unit: String) -> String {
            let tenths = (value * 10).rounded() / 10
            if tenths == tenths.rounded() { return "\(Int(tenths)) \(unit)" }
            return "\(tenths) \(unit)"
        }
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1 << 20 { return format(Double(bytes) / 1024, "KiB") }
        return format(Double(bytes) / Double(1 << 20), "MiB")
    }
}
