/// Selects scenarios by tag (`--tag` / `--skip-tag`).
public struct TagFilter: Sendable {
    /// When non-empty, a scenario must carry at least one of these tags.
    public var include: Set<String>
    /// A scenario carrying any of these tags is left out (wins over `include`).
    public var exclude: Set<String>

    /// Creates a filter; the default admits every scenario.
    public init(include: Set<String> = [], exclude: Set<String> = []) {
        self.include = include
        self.exclude = exclude
    }

    /// True when a scenario with these tags should run.
    public func admits(_ tags: [String]) -> Bool {
        if tags.contains(where: exclude.contains) { return false }
        return include.isEmpty || tags.contains(where: include.contains)
    }
}
