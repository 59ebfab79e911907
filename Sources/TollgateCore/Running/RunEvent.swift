/// Progress reported while a run goes on, so the command line can print as results arrive.
/// Every text inside is already masked.
public enum RunEvent: Sendable {
    /// The run's logon succeeded.
    case loggedOn
    /// The logon failed; every `session: shared` scenario errors with this finding.
    case logonFailed(Finding)
    /// The server's fingerprint, once, before the first scenario starts.
    case fingerprinted(Fingerprint)
    /// A scenario began sending requests.
    case scenarioStarted(name: String, suite: String)
    /// A scenario ended (once per scenario in the report, in completion order).
    case scenarioFinished(ScenarioReport)
    /// The logoff at the end of the run was attempted.
    case loggedOff(success: Bool, message: String?)
}
