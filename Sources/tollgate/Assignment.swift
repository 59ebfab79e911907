import ArgumentParser

/// A `NAME=VALUE` command-line value (`--var`, `--ns`).
enum Assignment {
    /// Splits at the first `=`; the name must not be empty. `option` names the flag in the error.
    static func parse(_ text: String, option: String, form: String) throws -> (name: String, value: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("\(option) expects \(form), got '\(text)'")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
