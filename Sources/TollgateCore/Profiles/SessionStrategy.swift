/// How a protocol logs a run on and off (part of a ``ProtocolProfile``).
///
/// The generic ``SessionManager`` sends the requests, records and masks the exchanges and turns
/// problems into findings; the strategy only says what to send and how to read the answers.
protocol SessionStrategy: Sendable {
    /// Whether the run logs on at all with these credentials (Enterprise Manager: only with a user).
    func logsOn(with credentials: Credentials?) -> Bool

    /// The logon request (base URL, credentials and variables come from `configuration`). Secrets it
    /// contains (passwords, Basic values) go into `masker` first.
    func logonRequest(_ configuration: RunConfiguration, masker: SecretMasker) throws(SessionProblem) -> SessionRequest

    /// The secrets in a logon response (token, session id), learnt before anything is recorded.
    func secrets(in response: ReceivedResponse) -> [String]

    /// The session a successful logon response (status already checked) describes, or why there is none.
    func session(from response: ReceivedResponse, configuration: RunConfiguration) throws(SessionProblem) -> RunSession

    /// The logoff request for `session`, or why it cannot be sent (the problem's message is the warning).
    func logoffRequest(
        for session: RunSession, configuration: RunConfiguration, masker: SecretMasker
    ) throws(SessionProblem) -> SessionRequest

    /// Header names that carry session tokens: their values are never recorded and are learnt as
    /// secrets when a scenario logs on by itself.
    var tokenHeaderNames: [String] { get }

    /// Whether a status, answered to a request that carried the run's token, means the session is gone.
    func isRejection(_ status: Int) -> Bool

    /// The note of a rejected-session finding: what was sent and that Tollgate does not log on again.
    var rejectionNote: String { get }
}

/// A logon or logoff request and the statuses that mean it worked.
struct SessionRequest: Sendable {
    /// The request, fully resolved.
    var request: OutgoingRequest
    /// Statuses that mean success.
    var expectedStatuses: [Int]
}

/// Why a session request could not be built or its response used: one line and optional notes.
struct SessionProblem: Error, Sendable {
    /// One line, e.g. `the 201 response has no X-Token header`.
    var message: String
    /// More lines for the finding.
    var notes: [String] = []
}
