import Foundation

/// Replaces what changes from run to run (times, ports, dates, counts of poll attempts) with stable
/// placeholders, so golden files compare whole outputs.
enum OutputNormalizer {
    private static let rules: [(pattern: String, replacement: String)] = [
        (#"127\.0\.0\.1:[0-9]+"#, "127.0.0.1:PORT"),
        (#"\b[0-9]+m[0-9]{2}s\b"#, "<time>"),
        (#"\b[0-9]+(\.[0-9]+)? ?(ms|s)\b"#, "<time>"),
        (#" +<time>"#, " <time>"),
        (#"Date: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT"#, "Date: <date>"),
        (#"/tmp/tollgate-e2e-[0-9A-F-]+/"#, "<tmp>/"),
        (#"\b[0-9]+ attempts\b"#, "<n> attempts"),
        (#"attempt [0-9]+\b"#, "attempt <n>"),
        (#"#[0-9]+ \+"#, "#<n> +"),
        (#"timestamp="[^"]*""#, #"timestamp="<timestamp>""#),
        (#"hostname="[^"]*""#, #"hostname="<host>""#),
        (#"time="[0-9.]+""#, #"time="<t>""#),
    ]

    /// The text with every varying part replaced.
    static func normalize(_ text: String) -> String {
        var result = text
        for rule in rules {
            guard let regex = try? NSRegularExpression(pattern: rule.pattern) else { continue }
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: rule.replacement)
        }
        return result
    }
}
