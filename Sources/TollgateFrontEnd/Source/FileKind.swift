/// What kind of file a ``SourceFile`` is, for the words of the front end's diagnostics
/// ("a scenario file holds one YAML document", "inventory files are YAML text in UTF-8").
public struct FileKind: Sendable {
    /// "scenario file".
    public var singular: String
    /// "scenario files".
    public var plural: String
    /// The help under "file too large".
    public var tooLargeHelp: String

    /// Creates a kind; `plural` defaults to `singular` + "s".
    public init(_ singular: String, plural: String? = nil, tooLargeHelp: String? = nil) {
        self.singular = singular
        self.plural = plural ?? singular + "s"
        self.tooLargeHelp = tooLargeHelp ?? "\(self.plural) are small YAML texts"
    }
}
