import Foundation

/// Formats durations and dates the way reports and messages need them.
public enum TimeFormatting {
    /// Seconds with exactly three decimals and a `.` separator ("1.234"); never negative, never NaN.
    public static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        guard whole >= 0 else { return "0.000" }
        let milliseconds = whole * 1000 + attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1000).\(String(format: "%03lld", milliseconds % 1000))"
    }

    /// A short human form for the console: "850ms", "1.23s", "2m05s".
    public static func human(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let milliseconds = max(0, whole * 1000 + attoseconds / 1_000_000_000_000_000)
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        if milliseconds < 60_000 { return String(format: "%.2fs", Double(milliseconds) / 1000) }
        return String(format: "%lldm%02llds", milliseconds / 60_000, (milliseconds % 60_000) / 1000)
    }

    /// UTC timestamp without zone suffix, `YYYY-MM-DDTHH:MM:SS`, as JUnit consumers expect.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// UTC timestamp with milliseconds and `Z`, `YYYY-MM-DDTHH:MM:SS.mmmZ` (RFC 3339), as the run record writes it.
    public static func iso8601(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let whole = Date(timeIntervalSince1970: TimeInterval(milliseconds / 1000))
        let fraction = ((milliseconds % 1000) + 1000) % 1000
        return timestamp(whole) + String(format: ".%03lldZ", fraction)
    }

    /// Seconds as a number with millisecond precision (`0.412`), never negative.
    public static func secondsValue(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        let milliseconds = whole * 1000 + attoseconds / 1_000_000_000_000_000
        return Double(max(0, milliseconds)) / 1000
    }

    /// The spaced form used inside messages: `30 s`, `1.5 s`, or `200 ms` below one second.
    public static func message(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000
            + Double(duration.components.attoseconds) / 1e15
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        let seconds = (milliseconds / 100).rounded() / 10
        return "\(NumberFormatting.xpath(seconds)) s"
    }

    /// The duration in nanoseconds (for NIO's `TimeAmount`), clamped to a sane, non-negative range.
    public static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds < Int64.max / 1_000_000_000 - 1 else { return Int64.max / 2 }
        return max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
