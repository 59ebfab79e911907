/// Where each character of a scalar's value is written, for carets inside a value (a variable in a
/// template, a prefix in an XPath).
///
/// The token's extent comes from libyaml (``YAMLNode/Scalar/span``); only the characters between its
/// start and end are read here, to undo quoting. Exact for one-line scalars (plain, single-quoted with
/// `''`, double-quoted with escapes) and for literal blocks (`|`); for other multi-line scalars every
/// offset maps to the value's start.
public struct ScalarPositions: Sendable {
    /// Where the scalar token starts (at the opening quote when quoted).
    public let tokenStart: SourceLocation
    /// How many characters the token takes on its first line (quotes included).
    public let tokenWidth: Int
    /// Location of each value scalar, plus one for the position just after the value; nil when unknown.
    private let positions: [SourceLocation]?
    /// Where the value starts when `positions` is unknown.
    private let fallback: SourceLocation

    /// Maps `scalar`, written in `source`.
    public init(_ scalar: YAMLNode.Scalar, in source: SourceFile) {
        let span = scalar.span
        tokenStart = span.start
        tokenWidth = source.caretWidth(span)
        let value = Array(scalar.string.unicodeScalars)
        let token = source.scalars[min(span.startOffset, source.scalars.count)..<min(span.endOffset, source.scalars.count)]
        let line = span.start.line
        let firstColumn = span.start.column
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            fallback = span.start.advanced(by: 1)
            positions = span.isOneLine
                ? Self.walkQuoted(value, token: Array(token), double: scalar.style == .doubleQuoted)?
                    .map { source.location(line: line, column: firstColumn + $0) }
                : nil
        case .literal:
            fallback = span.start
            positions = Self.walkLiteral(value, source: source, indicatorLine: line)
        case .plain, .folded:
            fallback = span.start
            positions = span.isOneLine && !value.isEmpty && Array(token) == value
                ? (0...value.count).map { source.location(line: line, column: firstColumn + $0) }
                : nil
        }
    }

    /// Where the value's first character is written (inside the quotes when quoted).
    public var valueStart: SourceLocation { location(ofScalar: 0) }

    /// The location of the value's `index`-th Unicode scalar (index == count: just after the value).
    public func location(ofScalar index: Int) -> SourceLocation {
        guard let positions, !positions.isEmpty else { return fallback }
        return positions[min(max(0, index), positions.count - 1)]
    }

    /// The location of a UTF-8 byte offset into `value` (libxml2 reports XPath errors that way).
    public func location(ofUTF8Offset offset: Int, in value: String) -> SourceLocation {
        location(ofScalar: Self.scalarIndex(ofUTF8Offset: offset, in: value))
    }

    /// The scalar index that contains a UTF-8 byte offset.
    public static func scalarIndex(ofUTF8Offset offset: Int, in value: String) -> Int {
        var bytes = 0
        var index = 0
        for scalar in value.unicodeScalars {
            if bytes >= offset { return index }
            bytes += UTF8.width(scalar)
            if bytes > offset { return index }
            index += 1
        }
        return index
    }

    /// Offsets in the token (0 = opening quote) of each value scalar of a one-line quoted scalar,
    /// plus the closing quote.
    private static func walkQuoted(_ value: [Unicode.Scalar], token: [Unicode.Scalar], double: Bool) -> [Int]? {
        var offsets: [Int] = []
        var index = 1
        for scalar in value {
            guard index < token.count else { return nil }
            offsets.append(index)
            if double, token[index] == "\\" {
                guard index + 1 < token.count else { return nil }
                switch token[index + 1] {
                case "x": index += 4
                case "u": index += 6
                case "U": index += 10
                default: index += 2
                }
            } else if !double, token[index] == "'" {
                guard index + 1 < token.count, token[index + 1] == "'", scalar == "'" else { return nil }
                index += 2
            } else {
                guard token[index] == scalar else { return nil }
                index += 1
            }
        }
        guard index == token.count - 1 else { return nil }
        offsets.append(index)
        return offsets
    }

    /// Locations of each value scalar of a literal block (`|`), when every line can be matched.
    private static func walkLiteral(
        _ value: [Unicode.Scalar], source: SourceFile, indicatorLine: Int
    ) -> [SourceLocation]? {
        let valueLines = SourceFile.splitLines(value)
        var indent: Int?
        var locations: [SourceLocation] = []
        for (offset, valueLine) in valueLines.enumerated() {
            let lineNumber = indicatorLine + 1 + offset
            guard let text = source.scalars(line: lineNumber) else {
                if valueLine.isEmpty, offset == valueLines.count - 1 {
                    locations.append(source.location(line: lineNumber - 1, column: 1))
                    return locations
                }
                return nil
            }
            if indent == nil, !valueLine.isEmpty {
                indent = text.firstIndex { $0 != " " }
            }
            let column = valueLine.isEmpty ? min(text.count, indent ?? 0) : (indent ?? 0)
            guard column + valueLine.count <= text.count,
                Array(text[column..<(column + valueLine.count)]) == valueLine
            else { return nil }
            // Each scalar of the line, then its line break (or, on the last line, the end of the value).
            for index in 0...valueLine.count {
                locations.append(source.location(line: lineNumber, column: column + index + 1))
            }
        }
        return locations.isEmpty ? nil : locations
    }
}
