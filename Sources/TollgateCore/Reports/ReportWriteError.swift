/// Why a report (the run record, the JUnit report, a spool file) could not be written.
public struct ReportWriteError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
