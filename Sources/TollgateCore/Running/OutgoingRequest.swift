/// A fully resolved request, ready to send: no `{{variables}}` left, URL complete.
struct OutgoingRequest: Sendable {
    /// HTTP method, upper case.
    var method: String
    /// The absolute URL.
    var url: String
    /// Header lines in the order they are sent.
    var headers: [HeaderField]
    /// The body, if any.
    var body: [UInt8]?
}
