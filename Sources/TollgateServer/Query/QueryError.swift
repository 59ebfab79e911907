/// A bad query request (unknown type, malformed filter, bad paging): answered 400 with the message.
struct QueryError: Error, Sendable, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
