/// A scenario's place in the run: indices into the selected suites.
struct PlannedScenario: Sendable {
    /// Index of the suite.
    var suite: Int
    /// Index of the scenario in the suite.
    var scenario: Int
}
