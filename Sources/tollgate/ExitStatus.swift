import ArgumentParser
import TollgateCore

/// The exit codes of `tollgate`, in one place (documented in README.md).
enum ExitStatus {
    /// Every scenario passed (skips allowed).
    static let passed = ExitCode(0)
    /// At least one scenario failed: the server answered wrongly.
    static let failed = ExitCode(1)
    /// The scenario files or the command line are invalid; nothing was sent.
    static let invalidInput = ExitCode(2)
    /// No scenario failed, but at least one could not be tested (transport, TLS, timeout, unusable body).
    static let couldNotTest = ExitCode(3)
    /// The run was interrupted by SIGINT or SIGTERM.
    static let interrupted = ExitCode(130)

    /// The exit code for a finished run: failures win over errors, interruption over both.
    static func forRun(_ run: RunReport) -> ExitCode {
        if run.interrupted { return interrupted }
        let tally = run.tally
        if tally.failed > 0 { return failed }
        if tally.errored > 0 { return couldNotTest }
        return passed
    }
}
