import Yams

/// Where each character of a YAML scalar's value is written in the file.
///
/// Exact for scalars written on one line (plain, single-quoted with `''`, double-quoted with escapes)
/// and for literal blocks (`|`). For other multi-line scalars every offset maps to the scalar's start.
struct ScalarPositions {
    /// Where the scalar token starts (at the opening quote when quoted).
    let tokenStart: SourceLocation
    /// How many columns the token takes on its line (quotes included); 1 when it spans lines.
    let tokenWidth: Int
    /// Location of each value scalar, plus one for the position just after the value; nil when unknown.
    private let positions: [SourceLocation]?
    /// Where the value starts when `positions` is unknown.
    private let fallback: SourceLocation

    /// Maps `scalar`, written in `source`.
    init(_ scalar: Node.Scalar, in source: SourceFile) {
        let line = scalar.mark?.line ?? 1
        let column = scalar.mark?.column ?? 1
        let start = source.location(line: line, column: column)
        tokenStart = start
        let value = Array(scalar.string.unicodeScalars)
        let text = source.scalars(line: line) ?? []
        let firstIndex = column - 1
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            fallback = start.advanced(by: 1)
            let walk = Self.walkQuoted(
                value, in: text, from: firstIndex + 1, double: scalar.style == .doubleQuoted)
            if let walk {
                positions = walk.columns.map { source.location(line: line, column: $0 + 1) }
                tokenWidth = walk.closingQuote - firstIndex + 1
            } else {
                positions = nil
                tokenWidth = 1
            }
        case .literal:
            fallback = start
            positions = Self.walkLiteral(value, source: source, indicatorLine: line)
            tokenWidth = 1
        default:
            fallback = start
            let end = firstIndex + value.count
            if !value.isEmpty, end <= text.count, Array(text[firstIndex..<end]) == value {
                positions = (firstIndex...end).map { source.location(line: line, column: $0 + 1) }
                tokenWidth = value.count
            } else {
                positions = nil
                tokenWidth = 1
            }
        }
    }

    /// Where the value's first character is written (inside the quotes when quoted).
    var valueStart: SourceLocation { location(ofScalar: 0) }

    /// The location of the value's `index`-th Unicode scalar (index == count: just after the value).
    func location(ofScalar index: Int) -> SourceLocation {
        guard let positions, !positions.isEmpty else { return fallback }
        return positions[min(max(0, index), positions.count - 1)]
    }

    /// The location of a UTF-8 byte offset into `value` (libxml2 reports XPath errors that way).
    func location(ofUTF8Offset offset: Int, in value: String) -> SourceLocation {
        location(ofScalar: Self.scalarIndex(ofUTF8Offset: offset, in: value))
    }

    /// The scalar index that contains a UTF-8 byte offset.
    static func scalarIndex(ofUTF8Offset offset: Int, in value: String) -> Int {
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

    /// Columns (0-based) of each value scalar of a quoted scalar on one line, plus the closing quote.
    private static func walkQuoted(
        _ value: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int, double: Bool
    ) -> (columns: [Int], closingQuote: Int)? {
        let quote: Unicode.Scalar = double ? "\"" : "'"
        var columns: [Int] = []
        var index = start
        for scalar in value {
            guard index < text.count else { return nil }
            columns.append(index)
            if double, text[index] == "\\" {
                guard index + 1 < text.count else { return nil }
                switch text[index + 1] {
                case "x": index += 4
                case "u": index += 6
                case "U": index += 10
                default: index += 2
                }
            } else if !double, text[index] == "'" {
                guard index + 1 < text.count, text[index + 1] == "'", scalar == "'" else { return nil }
                index += 2
            } else {
                guard text[index] == scalar else { return nil }
                index += 1
            }
        }
        guard index < text.count, text[index] == quote else { return nil }
        columns.append(index)
        return (columns, index)
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
