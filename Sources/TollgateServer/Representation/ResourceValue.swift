/// A typed value of an attribute or a leaf element: strings, booleans and integers render as
/// such in JSON; `null` is left out of XML and written as `null` in JSON.
enum ResourceValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case null

    /// The XML text, or nil for `null`.
    var xmlText: String? {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .null: nil
        }
    }

    /// A string, or `null` when `text` is nil.
    static func optional(_ text: String?) -> ResourceValue {
        text.map(ResourceValue.string) ?? .null
    }
}
