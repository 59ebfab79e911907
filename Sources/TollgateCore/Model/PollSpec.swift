/// Repeat a request until a condition holds, failing at once on a terminal condition.
public struct PollSpec: Sendable {
    /// Which body the conditions read.
    public enum BodyKind: Sendable, Equatable {
        /// The XML body.
        case xml
        /// The JSON body through its XML mapping.
        case json
    }

    /// Polling stops, successfully, when this XPath is true (XPath `boolean()`).
    public var until: XPathQuery
    /// Polling stops, as a failure, when this XPath is true (e.g. a failed Task).
    public var failWhen: XPathQuery?
    /// Which body the conditions read.
    public var bodyKind: BodyKind
    /// Time between the end of one attempt and the start of the next.
    public var interval: Duration
    /// Wall-clock limit for all attempts together.
    public var timeout: Duration
    /// Where `poll:` is written.
    public var location: SourceLocation

    /// Creates a poll.
    public init(
        until: XPathQuery, failWhen: XPathQuery? = nil, bodyKind: BodyKind = .xml,
        interval: Duration = .milliseconds(500), timeout: Duration = .seconds(60), location: SourceLocation
    ) {
        self.until = until
        self.failWhen = failWhen
        self.bodyKind = bodyKind
        self.interval = interval
        self.timeout = timeout
        self.location = location
    }
}
