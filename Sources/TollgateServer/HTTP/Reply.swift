/// A response before rendering: status, extra headers in order, and the resource (nil = no body).
struct Reply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    /// The body resource; rendered as XML or JSON once the representation is known.
    var body: ResourceNode?

    init(status: Int, headers: [(name: String, value: String)] = [], body: ResourceNode? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The Error answer for `error`, with its headers (`WWW-Authenticate`, `Allow`).
    init(error: APIError) {
        self.init(
            status: error.status,
            headers: error.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) },
            body: ResourceFactory.error(error))
    }
}
