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
    /// A short note, e.g. the poll conditions (`until=false, State=Running`).
    public var note: String?
    /// When polling: the polled resource's state read from this response (`Running`), if it has one.
    public var pollState: String?

    /// Creates an exchange.
    public init(
        attempt: Int, offset: Duration, duration: Duration, request: RecordedRequest,
        response: RecordedResponse?, note: String? = nil, pollState: String? = nil
    ) {
        self.attempt = attempt
        self.offset = offset
        self.duration = duration
        self.request = request
        self.response = response
        self.note = note
        self.pollState = pollState
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
    /// The body, if there was one.
    public var body: RecordedBody?

    /// Creates a recorded request.
    public init(method: String, url: String, headers: [HeaderField], body: RecordedBody?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The start of the body as text, with a size note when it was cut; nil without a body.
    public var bodyExcerpt: String? { body?.excerptWithSizeNote }
}

/// A response as recorded for reports (secrets masked, body shortened).
public struct RecordedResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The reason phrase.
    public var reason: String
    /// The headers received, in order.
    public var headers: [HeaderField]
    /// The body (possibly empty).
    public var body: RecordedBody

    /// Creates a recorded response.
    public init(status: Int, reason: String, headers: [HeaderField], body: RecordedBody) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The start of the body as text, with a size note when it was cut.
    public var bodyExcerpt: String { body.excerptWithSizeNote }
    /// The whole body's size in bytes.
    public var bodySize: Int { body.size }
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

/// A request or response body as recorded: its start as masked text, its full size and a hash.
public struct RecordedBody: Sendable, Equatable {
    /// The start of the body as text (invalid UTF-8 replaced), secrets masked, at most
    /// ``ExchangeRecorder`` `excerptLimit` characters.
    public var text: String
    /// The whole body's size in bytes, as sent or received.
    public var size: Int
    /// True when ``text`` is only the start of the body.
    public var isTruncated: Bool
    /// Lower-case hex SHA-256 of the whole body as masked text (UTF-8), so equal bodies compare equal
    /// across runs even when they carried different session ids. Nil when a secret learned later in the
    /// scenario was found in the body: the hash would have been taken over the unmasked secret.
    public var sha256: String?

    /// Creates a recorded body.
    public init(text: String, size: Int, isTruncated: Bool, sha256: String?) {
        self.text = text
        self.size = size
        self.isTruncated = isTruncated
        self.sha256 = sha256
    }

    /// ``text``, followed by `… (N bytes in all)` when it was cut.
    public var excerptWithSizeNote: String {
        isTruncated ? text + "… (\(size) bytes in all)" : text
    }
}
