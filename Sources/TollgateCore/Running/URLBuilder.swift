/// Builds request URLs from the base URL, a step's `path` or `url`, and its `query`.
enum URLBuilder {
    /// `base` and `path` joined with exactly one slash between them.
    static func join(base: String, path: String) -> String {
        guard !path.isEmpty else { return base }
        let baseEndsWithSlash = base.hasSuffix("/")
        let pathStartsWithSlash = path.hasPrefix("/")
        switch (baseEndsWithSlash, pathStartsWithSlash) {
        case (true, true): return base + path.dropFirst()
        case (false, false): return path.hasPrefix("?") ? base + path : base + "/" + path
        default: return base + path
        }
    }

    /// The URL with `items` appended as an URL-encoded query, after any query it already has.
    static func appendingQuery(_ url: String, _ items: [(name: String, value: String)]) -> String {
        guard !items.isEmpty else { return url }
        let encoded = items.map { percentEncode($0.name) + "=" + percentEncode($0.value) }.joined(separator: "&")
        let fragmentStart = url.firstIndex(of: "#")
        let beforeFragment = fragmentStart.map { String(url[..<$0]) } ?? url
        let fragment = fragmentStart.map { String(url[$0...]) } ?? ""
        let separator: String
        if !beforeFragment.contains("?") {
            separator = "?"
        } else if beforeFragment.hasSuffix("?") || beforeFragment.hasSuffix("&") {
            separator = ""
        } else {
            separator = "&"
        }
        return beforeFragment + separator + encoded + fragment
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// The base URL without trailing slashes (the value of the built-in `base_url` variable).
    static func trimmedBase(_ base: String) -> String {
        var text = base
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
