/// The run's logon session, as the profile's ``SessionStrategy`` read it from the logon response.
struct RunSession: Sendable {
    /// The token (always a secret).
    var token: String
    /// The headers every shared-session request carries (e.g. `Authorization: Bearer …`).
    var headers: [HeaderField]
    /// Where the logoff goes, when the strategy found out at logon.
    var logoffURL: String?
    /// Further URLs the logon response pointed at, by the profile's own names (used by its fingerprint).
    var links: [String: String] = [:]
}
