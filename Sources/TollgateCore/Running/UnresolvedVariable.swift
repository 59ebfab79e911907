/// A `{{name}}` with no value when the request was built (typically a capture whose step did not run).
struct UnresolvedVariable: Error, Sendable {
    /// The variable's name.
    var name: String
    /// Where the placeholder is written.
    var location: SourceLocation

    /// One line for the finding.
    var message: String { "variable `\(name)` has no value (the step that captures it did not run or failed)" }
}
