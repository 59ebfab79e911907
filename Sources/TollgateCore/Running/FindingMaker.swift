/// Builds findings for one suite: masks every text (the quoted source line too: a literal `auth` password
/// may be written on it) and points a diagnostic at the scenario line at fault.
struct FindingMaker: Sendable {
    /// The suite whose lines diagnostics quote.
    let suite: Suite
    /// The run's masker.
    let masker: SecretMasker

    /// A finding whose diagnostic points at `location`.
    func make(
        _ message: String, at location: SourceLocation?, exchange: Exchange? = nil, notes: [String] = []
    ) -> Finding {
        let masked = masker(message)
        let diagnostic = location.map {
            Diagnostic(.error, masked, at: $0, sourceLine: suite.sourceLine($0.line).map { masker($0) })
        }
        return Finding(message: masked, diagnostic: diagnostic, exchange: exchange, notes: notes.map { masker($0) })
    }
}
