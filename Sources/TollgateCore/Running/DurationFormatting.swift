/// Short human forms of durations for messages ("30 s", "1.5 s", "200 ms").
enum DurationFormatting {
    /// `30 s`, `1.5 s`, or `200 ms` below one second.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000
            + Double(duration.components.attoseconds) / 1e15
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        let seconds = (milliseconds / 100).rounded() / 10
        return "\(NumberFormatting.xpath(seconds)) s"
    }

    /// The duration as NIO's `TimeAmount` nanoseconds, clamped to a sane range.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds < Int64.max / 1_000_000_000 - 1 else { return Int64.max / 2 }
        return max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
