/// Settings for ``ScenarioLoader``.
public struct LoadOptions: Sendable {
    /// Variable names given from outside the files (`--var`, `TOLLGATE_VAR_*`), known to every template.
    /// The built-in names in ``builtInVariables`` are always known as well.
    public var externalVariables: Set<String>
    /// Largest scenario file accepted, in bytes; a larger file is one diagnostic. Default 4 MiB.
    public var maxFileBytes: Int

    /// Names the runner always defines (`base_url`, the run's base URL).
    public static let builtInVariables: Set<String> = ["base_url"]

    /// Creates options.
    public init(externalVariables: Set<String> = [], maxFileBytes: Int = 4 << 20) {
        self.externalVariables = externalVariables
        self.maxFileBytes = maxFileBytes
    }
}
