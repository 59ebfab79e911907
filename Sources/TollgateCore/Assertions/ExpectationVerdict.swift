/// The result of checking a response against a step's expectations.
enum ExpectationVerdict: Sendable, Equatable {
    /// Every expectation held.
    case passed
    /// The server answered wrongly: the failed expectations in file order, plus context notes.
    case failed([ExpectationFailure], notes: [String])
    /// The response could not be checked (unusable body, unreadable schema): the server could not be tested.
    case errored(message: String, location: SourceLocation, notes: [String])
}
