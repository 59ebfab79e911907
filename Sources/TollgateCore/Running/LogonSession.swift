/// The run's Enterprise Manager logon session (protocol §3): the token every shared-session request
/// carries and where to send the logoff.
struct LogonSession: Sendable {
    /// The `X-RestSvcSessionId` value.
    var token: String
    /// The `SessionId` from the logon body, when it had one.
    var sessionID: String?
    /// The URL of the session's `Delete` link (or the documented fallback `/api/logonSessions/{id}`).
    var logoffURL: String?
}
