import Foundation

/// Where the executable writes: standard output for results, standard error for diagnostics.
enum Terminal {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes a line to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Colour only on a terminal and never when `NO_COLOR` is set (https://no-color.org).
    static func useColor(fileDescriptor: Int32) -> Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(fileDescriptor) == 1
    }
}
