/// Durations written as `250ms`, `2s`, `1.5s` or `1m`.
enum DurationText {
    /// Parses a non-negative duration with unit `ms`, `s` or `m`; nil when malformed.
    static func parse(_ text: String) -> Duration? {
        let units: [(suffix: String, milliseconds: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000)]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }),
                let value = Double(number), value.isFinite, value >= 0, value * unit.milliseconds <= 86_400_000
            else { return nil }
            return .microseconds(Int64((value * unit.milliseconds * 1000).rounded()))
        }
        return nil
    }

    /// Formats a duration the way ``parse(_:)`` reads it (`ms`, or `s` for whole seconds).
    static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000
            + Double(duration.components.attoseconds) / 1e15
        if milliseconds.truncatingRemainder(dividingBy: 1000) == 0 {
            return "\(Int64(milliseconds / 1000))s"
        }
        let rounded = (milliseconds * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? "\(Int64(rounded))ms" : "\(rounded)ms"
    }
}
