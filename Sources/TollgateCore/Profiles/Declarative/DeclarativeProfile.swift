/// A profile a suite writes itself in YAML (``SessionDefinition``): any token-based HTTP API, no Swift code.
///
/// It brings only a session: no fingerprint (the fingerprint is empty), no task hints, and no error-body
/// reader ("server said" notes need a profile that knows the error format).
struct DeclarativeProfile: ProtocolProfile {
    /// The name `--profile` selects.
    static let name = "declarative"

    /// The suite's session description.
    let definition: SessionDefinition

    var name: String { Self.name }
    var session: any SessionStrategy { DeclarativeSession(definition: definition) }
    var taskHints: [TaskHint] { [] }

    func fingerprint(using client: ProbeClient, session: RunSession?) async -> Fingerprint { Fingerprint() }

    func serverMessage(in body: [UInt8]) -> String? { nil }
    var volatileValues: [VolatileValue] { [] }
}
