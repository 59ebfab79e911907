import Foundation

/// A recorded request as a `curl` line to send it again. Masked values (`***`) become environment
/// variables named after their header (`"$X_API_TOKEN"`; `"$TOLLGATE_SECRET"` in a URL or body),
/// so the line holds no secret; the same convention as the HTML report's curl lines.
public enum CurlCommand {
    /// The line, preceded by `# set first: export NAME=…` when it needs variables.
    public static func line(for request: RequestRecord) -> String {
        var variables: [String] = []
        func word(_ text: String, _ variable: String) -> String {
            let parts = text.components(separatedBy: SecretMasker.mask)
            if parts.count == 1 { return quoted(text) }
            if !variables.contains(variable) { variables.append(variable) }
            return parts.map { $0.isEmpty ? "" : quoted($0) }.joined(separator: "\"$\(variable)\"")
        }
        var words = ["curl", "-X", request.method, word(request.url, "TOLLGATE_SECRET")]
        for header in request.headers where !["content-length", "host"].contains(header.name.lowercased()) {
            words += ["-H", word("\(header.name): \(header.value)", variableName(header.name))]
        }
        if let body = request.body {
            words.append(body.truncated ? "--data-binary @body.txt" : "--data-binary " + word(body.text, "TOLLGATE_SECRET"))
        }
        var lines: [String] = []
        if !variables.isEmpty { lines.append("# set first: " + variables.map { "export \($0)=…" }.joined(separator: "; ")) }
        if request.body?.truncated == true { lines.append("# the body was truncated in the record: put it in body.txt") }
        lines.append(words.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    /// `X-Api-Token` → `X_API_TOKEN`.
    static func variableName(_ header: String) -> String {
        var name = ""
        for character in header.uppercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                name.append(character)
            } else if !name.isEmpty && name.last != "_" {
                name.append("_")
            }
        }
        while name.hasSuffix("_") { name.removeLast() }
        return name.isEmpty ? "TOLLGATE_SECRET" : name
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
