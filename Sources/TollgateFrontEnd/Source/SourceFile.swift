import Foundation

/// The decoded text of one YAML file, split into lines the way libyaml counts them.
public struct SourceFile: Sendable {
    /// The path as the user gave it (used in every diagnostic).
    public let path: String
    /// The text, without a leading byte order mark.
    public let text: String
    /// The whole text as Unicode scalars (libyaml's marks index them).
    public let scalars: [Unicode.Scalar]
    /// The lines, without their line breaks (a final line break does not add an empty line).
    public let lines: [String]
    /// The lines as Unicode scalars (libyaml counts columns in scalars).
    public let lineScalars: [[Unicode.Scalar]]

    /// Splits `text` into lines.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.scalars = Array(text.unicodeScalars)
        var split = SourceFile.splitLines(scalars)
        // A final line break ends the last line; it does not start an empty one.
        if split.count > 1, split.last?.isEmpty == true { split.removeLast() }
        self.lineScalars = split
        self.lines = split.map { String(String.UnicodeScalarView($0)) }
    }

    /// The text of a 1-based line, if the file has it.
    public func line(_ number: Int) -> String? {
        lines.indices.contains(number - 1) ? lines[number - 1] : nil
    }

    /// The scalars of a 1-based line, if the file has it.
    public func scalars(line number: Int) -> [Unicode.Scalar]? {
        lineScalars.indices.contains(number - 1) ? lineScalars[number - 1] : nil
    }

    /// A location in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// How many characters a caret under `span` takes on its first line: the whole token when it
    /// fits on one line, else the rest of the first line (at least 1).
    public func caretWidth(_ span: SourceSpan) -> Int {
        if span.isOneLine { return max(1, span.end.column - span.start.column) }
        let length = scalars(line: span.start.line)?.count ?? 0
        return max(1, length - span.start.column + 1)
    }

    /// True when the file holds nothing but white space.
    public var isBlank: Bool {
        scalars.allSatisfy { $0 == " " || $0 == "\t" || SourceFile.isLineBreak($0) }
    }

    /// The directory relative paths in the file are resolved against (absolute).
    public var directory: URL {
        URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
    }

    /// Resolves a path written in the file against the file's directory; the result is absolute.
    public func resolve(_ relativePath: String) -> String {
        if relativePath.hasPrefix("/") {
            return URL(fileURLWithPath: relativePath).standardizedFileURL.path
        }
        return directory.appendingPathComponent(relativePath).standardizedFileURL.path
    }

    /// Line breaks as YAML 1.1 (and libyaml) know them; CR LF counts as one.
    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Splits scalars into lines at every YAML line break.
    public static func splitLines(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isLineBreak(scalar) {
                lines.append(current)
                current = []
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                    index += 1
                }
            } else {
                current.append(scalar)
            }
            index += 1
        }
        lines.append(current)
        return lines
    }
}
