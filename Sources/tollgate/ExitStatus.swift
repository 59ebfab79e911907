import ArgumentParser
import TollgateCore

/// A command-line value that parses but makes no sense (`--jobs 0`, `--task-seconds -1`): every
/// subcommand throws it, and `Tollgate.main` prints its message and exits 2. Only a syntax error
/// (the argument parser's own) exits 64.
struct InvalidValue: Error {
    /// One line naming the flag: `--jobs 0: must be at least 1`.
    var message: String

    /// Creates the error.
    init(_ message: String) {
        self.message = message
    }
}

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
