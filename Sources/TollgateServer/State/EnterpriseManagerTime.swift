import Foundation

/// The time formats of the Enterprise Manager (reference §14.3): xs:dateTime in UTC with
/// milliseconds whose trailing zeros are cut (the v12 style), session names
/// (`yyyy-MM-dd HH:mm:ss`) and restore point names (`Jan 17 2025  5:21PM`).
enum EnterpriseManagerTime {
    /// `2026-06-15T05:34:19.503Z`; whole seconds have no fraction.
    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var text = formatter.string(from: date)
        if let dot = text.firstIndex(of: ".") {
            var fraction = text[text.index(after: dot)..<text.index(before: text.endIndex)]
            while fraction.last == "0" { fraction = fraction.dropLast() }
            text = String(text[..<dot]) + (fraction.isEmpty ? "" : "." + fraction) + "Z"
        }
        return text
    }

    /// Parses an xs:dateTime; one without a zone is UTC (what the query service assumes).
    static func date(_ text: String) -> Date? {
        var value = text
        if value.wholeMatch(of: /.*(Z|[+-]\d{2}:\d{2})/) == nil {
            value += "Z"
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: value) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: value)
    }

    /// `2020-01-31 17:00:09` from an xs:dateTime, for session and VM restore point names.
    static func nameStamp(_ text: String) -> String {
        guard let date = date(text) else { return text }
        return formatted(date, "yyyy-MM-dd HH:mm:ss")
    }

    /// `Jan 31 2020  5:00PM` (the hour padded to two characters), for restore point names.
    static func pointName(_ text: String) -> String {
        guard let date = date(text) else { return text }
        let hour = formatted(date, "h")
        return formatted(date, "MMM dd yyyy ") + (hour.count == 1 ? " " : "") + hour + formatted(date, ":mma")
    }

    /// The UTC day of an xs:dateTime at midnight, `2020-01-31T00:00:00Z`.
    static func day(_ text: String) -> String {
        guard let date = date(text) else { return text }
        return formatted(date, "yyyy-MM-dd") + "T00:00:00Z"
    }

    private static func formatted(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
