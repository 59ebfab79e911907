/// Why a step did not pass: a one-line message, the scenario line at fault, and the exchange to show.
public struct Finding: Sendable, Equatable {
    /// One line: "expected status 202, got 200".
    public var message: String
    /// Points at the line of the scenario at fault, with a caret.
    public var diagnostic: Diagnostic?
    /// The request and response that showed it (masked).
    public var exchange: Exchange?
    /// Extra lines: expected vs actual, poll attempts, schema violations.
    public var notes: [String]

    /// Creates a finding.
    public init(message: String, diagnostic: Diagnostic? = nil, exchange: Exchange? = nil, notes: [String] = []) {
        self.message = message
        self.diagnostic = diagnostic
        self.exchange = exchange
        self.notes = notes
    }
}
