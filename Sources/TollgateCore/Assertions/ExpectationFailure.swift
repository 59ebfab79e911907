/// One expectation a response did not meet.
struct ExpectationFailure: Sendable, Equatable {
    /// One line: `expected status 202, got 200`, `xpath string(/em:Task/em:State): expected "Running", got "Finished"`.
    var message: String
    /// Where the expectation is written.
    var location: SourceLocation
}
