import Testing

/// End-to-end reliability of the real `tollgate` binary against servers the tests start in-process:
/// broken input sends nothing, bad options are refused first, interrupts report and log off, secrets
/// never leak, and `--jobs` loses nothing. The suites run one at a time: each starts servers and
/// `tollgate` processes, and running them all at once on 2 cores would disturb timing-sensitive tests.
@Suite("Reliability", .serialized)
enum ReliabilityTests {}
