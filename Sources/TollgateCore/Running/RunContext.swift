/// What every scenario of a run shares: configuration, the HTTP transport, the masker, the logon session
/// and the loaded schemas. Immutable once the run's logon is done.
struct RunContext: Sendable {
    /// The run's configuration.
    let configuration: RunConfiguration
    /// The one HTTP client of the run.
    let transport: HTTPTransport
    /// The run's masker.
    let masker: SecretMasker
    /// The run's logon session, when the run logged on.
    let session: LogonSession?
    /// Checks responses (and holds the run's schema cache).
    let evaluator: ExpectationEvaluator

    /// Builds requests for this run.
    var builder: RequestBuilder {
        RequestBuilder(configuration: configuration, session: session, masker: masker)
    }
}
