/// The request target as written to the request log: logon session ids in paths and every
/// query value except `action`, `format` and `v` are masked, so no secret reaches a log.
enum RequestLog {
    static let mask = "***"

    static func target(path: String, query: String?) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for index in segments.indices.dropFirst() where segments[index - 1].lowercased() == "logonsessions" {
            if !segments[index].isEmpty {
                segments[index] = mask
            }
        }
        var text = segments.joined(separator: "/")
        if let query, !query.isEmpty {
            let pairs = query.split(separator: "&").map { pair -> String in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                guard parts.count > 1 else { return name }
                let kept = ["action", "format", "v"].contains(name.lowercased())
                return name + "=" + (kept ? String(parts[1]) : mask)
            }
            text += "?" + pairs.joined(separator: "&")
        }
        return text
    }
}
