/// Formats numbers the way XPath 1.0 `string()` does, so messages show what a query would return.
public enum NumberFormatting {
    /// `3` for 3.0, `0.5` for 0.5, `NaN`, `Infinity`, `-Infinity`.
    public static func xpath(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
