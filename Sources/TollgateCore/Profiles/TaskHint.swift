import TollgateXML

/// A value a profile reads on every poll attempt, for notes: a task's `State`, its result.
///
/// Hints never decide anything: `until` and `fail-when` do. They explain what the server said.
struct TaskHint: Sendable {
    /// The label in notes: `State`, `Result Success`.
    var label: String
    /// The query on the attempt's body (XML, or the JSON mapping); nil if it failed to compile.
    var query: XPathExpression?
    /// True for the hint that tells how far the resource got (shown on every attempt, and in time-outs).
    var isProgress: Bool = false
}
