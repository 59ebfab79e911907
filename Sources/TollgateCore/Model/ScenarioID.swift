import Foundation

/// How scenario and step ids are made when the file does not give one (README: "The run record").
///
/// A derived scenario id is `FILE-STEM/NAME-SLUG`:
/// - FILE-STEM is the scenario file's path relative to the current folder when it lies inside it
///   (otherwise as given), without a leading `./` or `Specs/` and without `.yaml`/`.yml`:
///   `Specs/veeam/tasks.yaml` → `veeam/tasks`;
/// - NAME-SLUG is the name in lower case with every run of characters other than letters and digits
///   replaced by one `-`, trimmed of `-` at both ends: `Toggle it, twice!` → `toggle-it-twice`
///   (`scenario` if nothing is left).
///
/// A step id is the scenario id, `#`, the section (`setup`, `steps`, `teardown`), `.` and the step's
/// 1-based position there: `veeam/tasks/delete-a-task#steps.2`.
public enum ScenarioID {
    /// Characters an explicit `id:` may use (besides ASCII letters and digits, which it starts with).
    public static let allowedPunctuation: Set<Character> = ["-", "_", ".", "/", ":"]
    /// The longest explicit id.
    public static let maximumLength = 200

    /// The id of a scenario named `name` in `file` when it has no `id:`.
    public static func derived(file: String, name: String) -> String {
        "\(fileStem(relativeToCurrentFolder(file)))/\(slug(name))"
    }

    /// The id of the step at 0-based `index` of `section` (`setup`, `steps`, `teardown`).
    public static func step(scenario: String, section: String, index: Int) -> String {
        "\(scenario)#\(section).\(index + 1)"
    }

    /// `Specs/veeam/tasks.yaml` → `veeam/tasks`: no leading `./` or `Specs/`, no extension.
    public static func fileStem(_ file: String) -> String {
        var path = file
        for prefix in ["./", "Specs/"] where path.hasPrefix(prefix) {
            path.removeFirst(prefix.count)
        }
        for suffix in [".yaml", ".yml"] where path.hasSuffix(suffix) {
            path.removeLast(suffix.count)
        }
        return path
    }

    /// The name in lower case, runs of other characters than letters and digits as one `-`.
    public static func slug(_ name: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "scenario" : slug
    }

    /// Why `id` cannot be an explicit scenario id, or nil when it can.
    public static func problem(with id: String) -> String? {
        guard let first = id.first else { return "an id cannot be empty" }
        if id.count > maximumLength { return "an id has at most \(maximumLength) characters" }
        guard first.isASCII, first.isLetter || first.isNumber else {
            return "an id starts with an ASCII letter or digit"
        }
        if let bad = id.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !allowedPunctuation.contains($0) }) {
            return "`\(bad)` is not allowed in an id (ASCII letters, digits, `-`, `_`, `.`, `/`, `:`)"
        }
        return nil
    }

    /// The path relative to the current folder when it lies inside it; otherwise unchanged.
    static func relativeToCurrentFolder(_ file: String) -> String {
        guard file.hasPrefix("/") else { return file }
        let folder = FileManager.default.currentDirectoryPath
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}
