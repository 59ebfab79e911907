/// Reads durations written as a number and a unit: `200ms`, `1.5s`, `2m`.
public enum DurationParser {
    /// The longest duration accepted (one day).
    public static let maximumMilliseconds: Double = 86_400_000

    /// What is wrong with a duration text.
    public enum Problem: Error, Equatable {
        /// Not `NUMBER UNIT`.
        case malformed
        /// A number without a unit.
        case missingUnit
        /// More than ``maximumMilliseconds``.
        case tooLong
    }

    /// Parses `text`.
    public static func parse(_ text: String) -> Result<Duration, Problem> {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index].isASCIIDigit { index += 1 }
        guard index > 0 else { return .failure(.malformed) }
        if index < scalars.count, scalars[index] == "." {
            index += 1
            let fractionStart = index
            while index < scalars.count, scalars[index].isASCIIDigit { index += 1 }
            guard index > fractionStart else { return .failure(.malformed) }
        }
        let number = String(String.UnicodeScalarView(scalars[..<index]))
        let unit = String(String.UnicodeScalarView(scalars[index...]))
        guard let value = Double(number) else { return .failure(.malformed) }
        let factor: Double
        switch unit {
        case "ms": factor = 1
        case "s": factor = 1000
        case "m": factor = 60_000
        case "": return .failure(.missingUnit)
        default: return .failure(.malformed)
        }
        let milliseconds = value * factor
        guard milliseconds <= maximumMilliseconds else { return .failure(.tooLong) }
        return .success(.nanoseconds(Int64((milliseconds * 1_000_000).rounded())))
    }
}
