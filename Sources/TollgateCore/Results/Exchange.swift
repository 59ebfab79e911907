/// One HTTP request and its response (if any), as recorded for reports, with secrets already masked.
public struct Exchange: Sendable, Equatable {
    /// 1 for the first attempt, 2… when polling.
    public var attempt: Int
    /// Time from the step's start to this request's start.
    public var offset: Duration
    /// Time from sending the request to having the whole response.
    public var duration: Duration
    /// The request as sent.
    public var request: RecordedRequest
    /// The response, or nil when none came (transport error, timeout).
    public var response: RecordedResponse?
    /// A short note, e.g. the polled state (`State=Running`).
    public var note: String?

    /// Creates an exchange.
    public init(
        attempt: Int, offset: Duration, duration: Duration, request: RecordedRequest,
        response: RecordedResponse?, note: String? = nil
    ) {
        self.attempt = attempt
        self.offset = offset
        self.duration = duration
        self.request = request
        self.response = response
        self.note = note
    }
}

/// A request as recorded for reports (secrets masked, body shortened).
public struct RecordedRequest: Sendable, Equatable {
    /// The HTTP method.
    public var method: String
    /// The full URL.
    public var url: String
    /// The headers sent, in order.
    public var headers: [HeaderField]
    /// The start of the body as text, if there was a body.
    public var bodyExcerpt: String?

    /// Creates a recorded request.
    public init(method: String, url: String, headers: [HeaderField], bodyExcerpt: String?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.bodyExcerpt = bodyExcerpt
    }
}

/// A response as recorded for reports (secrets masked, body shortened).
public struct RecordedResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The reason phrase.
    public var reason: String
    /// The headers received, in order.
    public var headers: [HeaderField]
    /// The start of the body as text.
    public var bodyExcerpt: String
    /// The whole body's size in bytes.
    public var bodySize: Int

    /// Creates a recorded response.
    public init(status: Int, reason: String, headers: [HeaderField], bodyExcerpt: String, bodySize: Int) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.bodyExcerpt = bodyExcerpt
        self.bodySize = bodySize
    }
}

/// One header line.
public struct HeaderField: Sendable, Equatable {
    /// The header name as sent or received.
    public var name: String
    /// The value (masked when secret).
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
