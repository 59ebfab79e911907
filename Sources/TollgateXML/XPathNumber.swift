/// XPath 1.0 conversions between numbers and strings (XPath 1.0 §4.2 `string()` and §4.4 `number()`).
enum XPathNumber {
    /// Formats a number as XPath's `string()` does: no exponent, integers without a decimal point,
    /// otherwise the shortest decimal that round-trips; NaN, Infinity, -Infinity; negative zero is "0".
    static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return "0" }
        // Swift's description is the shortest round-tripping form, possibly with an exponent ("1e+20").
        let shortest = String(describing: number.magnitude)
        let parts = shortest.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? shortest
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var digits = Array(mantissa.filter { $0 != "." })
        var pointPosition = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count) + exponent
        while digits.first == "0", digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0", digits.count > 1 {
            digits.removeLast()
        }
        let text: String
        if pointPosition <= 0 {
            text = "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        } else if pointPosition >= digits.count {
            text = String(digits) + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            text = String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
        }
        return number < 0 ? "-" + text : text
    }

    /// Converts a string as XPath's `number()` does: optional whitespace, an optional minus sign, digits
    /// with an optional fraction (or a fraction alone), optional whitespace; anything else is NaN.
    static func parse(_ text: String) -> Double {
        let trimmed = text.trimmingXMLWhitespace()
        let bytes = Array(trimmed.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        var integerDigits = 0
        while index < bytes.count, isDigit(bytes[index]) {
            index += 1
            integerDigits += 1
        }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) {
                index += 1
                fractionDigits += 1
            }
        }
        guard index == bytes.count, integerDigits + fractionDigits > 0 else { return .nan }
        return Double(trimmed) ?? .nan
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
