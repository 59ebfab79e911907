/// What ``ScenarioLoader`` produced: the suites of the files without errors and every diagnostic.
public struct LoadResult: Sendable {
    /// One suite per scenario file that has no error, in load order.
    public var suites: [Suite]
    /// All problems of all files, file by file, each file's in line order.
    public var diagnostics: [Diagnostic]
    /// The run's session definition (a `session:` block or a `tollgate.yaml`), if the files have one.
    public var session: SessionDefinition?

    /// Creates a result.
    public init(suites: [Suite] = [], diagnostics: [Diagnostic] = []) {
        self.suites = suites
        self.diagnostics = diagnostics
    }

    /// True when any diagnostic is an error: then nothing may be sent.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
