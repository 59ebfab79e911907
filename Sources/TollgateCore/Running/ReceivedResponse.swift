/// A complete response as it came from the server (nothing masked; never leaves the runner as is).
struct ReceivedResponse: Sendable {
    /// The status code.
    var status: Int
    /// The reason phrase.
    var reason: String
    /// Header lines in the order received.
    var headers: [HeaderField]
    /// The whole body.
    var body: [UInt8]

    /// All values of a header (case-insensitive name) joined with ", ", or nil when absent.
    func header(_ name: String) -> String? {
        let values = headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// The body as text (invalid UTF-8 replaced).
    var text: String { String(decoding: body, as: UTF8.self) }
}
