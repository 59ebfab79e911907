import Foundation

/// What the run record says after its scenarios: when and how the run ended and the counts.
public struct RunRecordFooter: Codable, Sendable, Equatable {
    /// When the run ended (RFC 3339, UTC, milliseconds).
    public var endedAt: String
    /// How long the run took, in seconds.
    public var durationSeconds: Double
    /// True when SIGINT/SIGTERM stopped the run: the scenarios not reached are recorded as `not-run`.
    public var interrupted: Bool
    /// How many scenarios ended each way, one count per outcome (zeros included).
    public var tally: [String: Int]
    /// What the server said about itself at the start of the run (the protocol profile's probe).
    public var fingerprint: FingerprintRecord

    /// The server's fingerprint: ordered facts and notes on what could not be found out.
    public struct FingerprintRecord: Codable, Sendable, Equatable {
        /// The facts, in the order the profile found them.
        public var facts: [HeaderRecord]
        /// Why a fact is missing, one line each.
        public var notes: [String]
    }

    /// The footer of a finished run; texts pass through `masker`.
    public init(_ run: RunReport, masker: SecretMasker) {
        fingerprint = FingerprintRecord(
            facts: run.fingerprint.facts.map { HeaderRecord(HeaderField(name: $0.name, value: $0.value), masker: masker) },
            notes: run.fingerprint.notes.map { masker($0) })
        endedAt = TimeFormatting.iso8601(run.startedAt.addingTimeInterval(TimeFormatting.secondsValue(run.duration)))
        durationSeconds = TimeFormatting.secondsValue(run.duration)
        interrupted = run.interrupted
        var counts = Dictionary(uniqueKeysWithValues: Outcome.Kind.allCases.map { ($0.rawValue, 0) })
        counts["total"] = run.tally.total
        for (kind, count) in run.tally.byKind { counts[kind.rawValue] = count }
        tally = counts
    }
}
