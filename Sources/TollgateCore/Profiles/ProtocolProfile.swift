/// What a protocol brings to the generic runner: this is the seam between the engine and the protocol.
///
/// The runner sends requests, checks expectations and writes reports without knowing any protocol. It
/// asks the run's profile for everything protocol-specific:
/// - ``session``: how the run logs on, where the token comes from, how it is sent, how it logs off and
///   what a rejected session looks like;
/// - ``fingerprint(using:session:)``: who the server is, asked once at the start of a run;
/// - ``taskHints``: values read on every poll attempt for notes (a task's state, its result);
/// - ``serverMessage(in:)``: the message of an error body, behind "server said: …";
/// - ``volatileValues``: values that differ from run to run of the same server (task numbers), which
///   `tollgate compare` normalises.
///
/// Built-in profiles: ``EnterpriseManagerProfile`` (Veeam Backup Enterprise Manager, the default) and
/// ``DeclarativeProfile`` (a suite's own `session:` description). ``ProfileChoice`` selects one.
protocol ProtocolProfile: Sendable {
    /// The name `--profile` selects, e.g. `enterprise-manager`.
    var name: String { get }
    /// How the run logs on and off.
    var session: any SessionStrategy { get }
    /// Values read from each poll attempt's body for notes and messages.
    var taskHints: [TaskHint] { get }
    /// Asks the server who it is; `session` is the run's session when it logged on. Never fails:
    /// what cannot be found out becomes a note.
    func fingerprint(using client: ProbeClient, session: RunSession?) async -> Fingerprint
    /// The server's own explanation in an error body, or nil when the body is not an error document.
    func serverMessage(in body: [UInt8]) -> String?
    /// Regular expressions matching values that a server numbers afresh on every run (EM task ids):
    /// `tollgate compare` replaces each match by the pattern's placeholder before comparing.
    var volatileValues: [VolatileValue] { get }
}

/// A value a server numbers afresh on every run, and what `tollgate compare` shows instead.
public struct VolatileValue: Sendable, Equatable {
    /// A regular expression (Swift `Regex` syntax) matching the value.
    public var pattern: String
    /// The placeholder shown instead, e.g. `task-{n}`.
    public var placeholder: String

    /// Creates a volatile value.
    public init(pattern: String, placeholder: String) {
        self.pattern = pattern
        self.placeholder = placeholder
    }
}
