/// A message about a scenario file or a run, pointing at the place at fault.
///
/// Diagnostics are values: the library produces them and the executable renders them
/// with ``DiagnosticRenderer``.
public struct Diagnostic: Sendable, Equatable, Error {
    /// How serious the message is.
    public enum Severity: String, Sendable {
        /// The file cannot be used; nothing is sent.
        case error
        /// Worth knowing, does not stop the run.
        case warning
        /// Extra context attached to another diagnostic.
        case note
    }

    /// How serious the message is.
    public var severity: Severity
    /// One line saying what is wrong.
    public var message: String
    /// Where it is wrong, when it is about a file.
    public var location: SourceLocation?
    /// The text of the source line at `location`, kept so the renderer can draw a caret.
    public var sourceLine: String?
    /// How many characters the caret underlines (at least 1).
    public var width: Int
    /// A short label printed after the caret ("declare it under `namespaces:`").
    public var label: String?
    /// A suggestion printed after the snippet ("did you mean `status`?").
    public var help: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error,
        _ message: String,
        at location: SourceLocation? = nil,
        sourceLine: String? = nil,
        width: Int = 1,
        label: String? = nil,
        help: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.width = max(1, width)
        self.label = label
        self.help = help
    }
}
