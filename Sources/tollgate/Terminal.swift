import Foundation

/// Where the executable writes: standard output for results, standard error for diagnostics.
enum Terminal {
    /// Writes a line to standard output. A closed pipe (`tollgate run | head`) is not an error:
    /// the run goes on and still writes its report.
    static func out(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    }

    /// Writes a line to standard error.
    static func err(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    /// Ignores SIGPIPE, so writing to a closed pipe returns an error instead of killing the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Colour only on a terminal and never when `NO_COLOR` is set (https://no-color.org).
    static func useColor(fileDescriptor: Int32) -> Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(fileDescriptor) == 1
    }
}
