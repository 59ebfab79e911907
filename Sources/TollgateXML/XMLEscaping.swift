/// Escaping for writing XML by hand (the JUnit writer uses it).
///
/// The escape functions keep every character; characters XML 1.0 forbids must be removed explicitly
/// with `removingInvalidXMLCharacters(_:)` first.
public enum XMLEscaping {
    /// Escapes `&`, `<`, `>` and carriage return for element content.
    public static func escapeText(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Escapes `&`, `<`, `>`, both quotes, tab, line feed and carriage return for an attribute value
    /// (whitespace as character references, so attribute-value normalization keeps it).
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    /// `text` without the characters XML 1.0 forbids (control characters other than tab, line feed and
    /// carriage return, U+FFFE and U+FFFF).
    public static func removingInvalidXMLCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// Whether XML 1.0 allows `scalar` (production `Char`).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&apos;"
            case "\t" where quotes: result += "&#9;"
            case "\n" where quotes: result += "&#10;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
