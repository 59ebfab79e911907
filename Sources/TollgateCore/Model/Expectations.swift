/// Everything a step expects of a response.
public struct Expectations: Sendable {
    /// Accepted status codes; empty means "any".
    public var status: Located<[Int]>?
    /// Header checks, in file order.
    public var headers: [HeaderExpectation]
    /// XPath assertions on an XML body.
    public var xpath: [Assertion]
    /// XPath assertions on a JSON body, through the JSON-to-XML mapping (see ``JSONDocumentMapping``).
    public var json: [Assertion]
    /// Checks on the raw body text.
    public var body: [BodyExpectation]
    /// An XSD the XML body must validate against (absolute path, resolved at load time).
    public var schema: Located<String>?

    /// Creates expectations.
    public init(
        status: Located<[Int]>? = nil, headers: [HeaderExpectation] = [], xpath: [Assertion] = [],
        json: [Assertion] = [], body: [BodyExpectation] = [], schema: Located<String>? = nil
    ) {
        self.status = status
        self.headers = headers
        self.xpath = xpath
        self.json = json
        self.body = body
        self.schema = schema
    }

    /// True when nothing is expected.
    public var isEmpty: Bool {
        status == nil && headers.isEmpty && xpath.isEmpty && json.isEmpty && body.isEmpty && schema == nil
    }
}

/// One XPath query and what its result must satisfy.
public struct Assertion: Sendable {
    /// The query.
    public var query: XPathQuery
    /// The requirement.
    public var predicate: Predicate
    /// Where the assertion (the `- { query: … }` item) is written.
    public var location: SourceLocation

    /// Creates an assertion.
    public init(query: XPathQuery, predicate: Predicate, location: SourceLocation) {
        self.query = query
        self.predicate = predicate
        self.location = location
    }
}

/// A check on one response header (names compare case-insensitively).
public struct HeaderExpectation: Sendable {
    /// The header name.
    public var name: String
    /// The requirement on the header's value (several values are joined with ", ").
    public var predicate: Predicate
    /// Where the check is written.
    public var location: SourceLocation

    /// Creates a header check.
    public init(name: String, predicate: Predicate, location: SourceLocation) {
        self.name = name
        self.predicate = predicate
        self.location = location
    }
}

/// A check on the raw body text (`equals`, `contains`, `matches`, `exists` for non-empty).
public struct BodyExpectation: Sendable {
    /// The requirement on the body text.
    public var predicate: Predicate
    /// Where the check is written.
    public var location: SourceLocation

    /// Creates a body check.
    public init(predicate: Predicate, location: SourceLocation) {
        self.predicate = predicate
        self.location = location
    }
}
