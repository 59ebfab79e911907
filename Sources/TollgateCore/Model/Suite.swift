/// One scenario file: a named group of scenarios sharing namespaces and variables.
public struct Suite: Sendable {
    /// The suite's `name:` (defaults to the file name without extension).
    public var name: String
    /// The path of the file the suite was loaded from.
    public var file: String
    /// XPath prefix → namespace URI, for every query in the file.
    public var namespaces: [String: String]
    /// Variables declared in the file, before command-line and environment overrides.
    public var variables: [String: Located<String>]
    /// The scenarios, in file order.
    public var scenarios: [Scenario]
    /// The file's lines, so diagnostics raised while running can quote the line at fault.
    public var sourceLines: [String]
    /// The file's top-level `session:` block (the declarative profile), if it has one.
    public var session: SessionDefinition?
    /// SHA-256 (lower-case hex) of the file's bytes as loaded; empty for a suite not loaded from bytes.
    public var contentSHA256: String = ""

    /// Creates a suite.
    public init(
        name: String, file: String, namespaces: [String: String],
        variables: [String: Located<String>], scenarios: [Scenario], sourceLines: [String] = [],
        session: SessionDefinition? = nil
    ) {
        self.name = name
        self.file = file
        self.namespaces = namespaces
        self.variables = variables
        self.scenarios = scenarios
        self.sourceLines = sourceLines
        self.session = session
    }

    /// The text of a 1-based line of the file, if there is one.
    public func sourceLine(_ line: Int) -> String? {
        sourceLines.indices.contains(line - 1) ? sourceLines[line - 1] : nil
    }
}
