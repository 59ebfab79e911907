/// What every scenario of a run shares: configuration, the HTTP transport, the masker, the profile, the
/// logon session and the loaded schemas. Immutable once the run's logon is done.
struct RunContext: Sendable {
    /// The run's configuration.
    let configuration: RunConfiguration
    /// The one HTTP client of the run.
    let transport: HTTPTransport
    /// The run's masker.
    let masker: SecretMasker
    /// The run's protocol profile.
    let profile: any ProtocolProfile
    /// The run's logon session, when the run logged on.
    let session: RunSession?
    /// Checks responses (and holds the run's schema cache).
    let evaluator: ExpectationEvaluator

    /// Builds requests for this run.
    var builder: RequestBuilder {
        RequestBuilder(configuration: configuration, session: session, masker: masker)
    }

    /// Records an exchange of this run (secrets masked, the profile's token headers hidden).
    func record(
        _ request: OutgoingRequest, _ response: ReceivedResponse?, attempt: Int, offset: Duration, duration: Duration,
        note: String?
    ) -> Exchange {
        ExchangeRecorder.record(
            request: request, response: response, attempt: attempt, offset: offset, duration: duration, note: note,
            tokenHeaders: profile.session.tokenHeaderNames, masker: masker)
    }
}
