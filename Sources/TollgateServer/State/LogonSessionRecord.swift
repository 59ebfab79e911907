/// A logon session the server has handed out.
struct LogonSessionRecord: Sendable, Equatable {
    /// Bare lowercase GUID (`SessionId`, `/api/logonSessions/{id}`).
    var id: String
    /// The `X-RestSvcSessionId` value: base64 of the ASCII session id (reference §3.2).
    var token: String
    var userName: String
    var role: UserRole
    /// The `?v=` the session was created with (`latest` when omitted).
    var version: String
    /// When the session was created (lists are in this order).
    var created: ContinuousClock.Instant
    /// The last request made with the session; idle expiry counts from here.
    var lastSeen: ContinuousClock.Instant
}
