/// One expectation of a step checked against the final response, passing or not, as reports show it.
public struct AssertionResult: Sendable, Equatable {
    /// What kind of expectation it is.
    public enum Kind: String, Sendable, CaseIterable {
        /// `expect.status`.
        case status
        /// An `expect.headers` entry.
        case header
        /// An `expect.body` text check.
        case body
        /// An `expect.xpath` query on the XML body.
        case xpath
        /// An `expect.json` query on the JSON body's XML mapping.
        case json
        /// `expect.schema`.
        case schema
    }

    /// What kind of expectation it is.
    public var kind: Kind
    /// What was checked: `status`, the header name, the query as written, the schema file.
    public var subject: String
    /// The expected value as the user would write it: `202`, `"Running"`, `count 1`, `valid`.
    public var expected: String
    /// The actual value, shown the same way (masked); `not checked` when the body could not be read.
    public var actual: String
    /// Whether the expectation held.
    public var passed: Bool
    /// Where the expectation is written.
    public var location: SourceLocation

    /// Creates an assertion result.
    public init(
        kind: Kind, subject: String, expected: String, actual: String, passed: Bool, location: SourceLocation
    ) {
        self.kind = kind
        self.subject = subject
        self.expected = expected
        self.actual = actual
        self.passed = passed
        self.location = location
    }
}
