/// A users file or inventory file that cannot be used, with the reason.
public struct ServerFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was read.
    public var path: String
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Creates an error for `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String {
        "\(path): \(message)"
    }
}
