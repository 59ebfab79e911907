/// A JSON text that cannot be mapped to XML, with the place where reading stopped.
public struct JSONMappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column (in bytes) of the problem.
    public var column: Int

    /// Creates an error.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `invalid JSON at line L, column C: MESSAGE`.
    public var description: String { "invalid JSON at line \(line), column \(column): \(message)" }
}
