/// The command line as the run record keeps it: every argument through the masker, and the value of a
/// `--var NAME=VALUE` whose name suggests a secret (password, secret, token, key, session, credential)
/// replaced by the mask.
public enum CommandLineMasking {
    /// Parts of variable names that mark the value as secret (case-insensitive).
    public static let secretNameParts = ["pass", "secret", "token", "key", "session", "credential", "auth"]

    /// The arguments with secrets masked.
    public static func masked(_ arguments: [String], masker: SecretMasker) -> [String] {
        var result: [String] = []
        var previousWasVar = false
        for argument in arguments {
            var text = argument
            if previousWasVar {
                text = maskedAssignment(text)
            } else if argument.hasPrefix("--var=") {
                text = "--var=" + maskedAssignment(String(argument.dropFirst("--var=".count)))
            }
            previousWasVar = argument == "--var"
            result.append(masker(text))
        }
        return result
    }

    /// `NAME=VALUE` with the value masked when the name suggests a secret.
    static func maskedAssignment(_ assignment: String) -> String {
        guard let equals = assignment.firstIndex(of: "=") else { return assignment }
        let name = assignment[..<equals].lowercased()
        guard secretNameParts.contains(where: { name.contains($0) }) else { return assignment }
        return assignment[...equals] + SecretMasker.mask
    }
}
