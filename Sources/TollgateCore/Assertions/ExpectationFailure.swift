/// One expectation a response did not meet.
struct ExpectationFailure: Sendable, Equatable {
    /// One line: `expected status 202, got 200`, `xpath string(/o:Order/o:Status): expected "Open", got "Closed"`.
    var message: String
    /// Where the expectation is written.
    var location: SourceLocation
}
