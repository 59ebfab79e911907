/// One reason a document does not satisfy an XML Schema (or is not well-formed XML at all).
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the validated document (for an element, the line where its start tag ends).
    public var line: Int
    /// 1-based column when known (libxml2 knows it for parse errors, not for validity errors).
    public var column: Int?
    /// libxml2's message, e.g. "Element '{ns}Stat': This element is not expected. Expected is ( {ns}State )."
    public var message: String

    /// Creates a violation.
    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "line L[, column C]: message".
    public var description: String {
        "line \(line)\(column.map { ", column \($0)" } ?? ""): \(message)"
    }
}
