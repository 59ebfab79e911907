/// A field the query service can filter and sort on, with the kind of its values.
struct QueryField: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case text
        case date
        /// The values in their order (comparisons use the index).
        case enumeration([String])
        case number
        case flag
    }

    /// The reference's spelling (`CreationTime`); matched ignoring case.
    var name: String
    var kind: Kind

    /// Converts a filter value to this field's kind; nil when it does not fit.
    func value(from text: String) -> QueryValue? {
        switch kind {
        case .text:
            return .text(text)
        case .date:
            return EnterpriseManagerTime.date(text).map(QueryValue.date)
        case .enumeration(let values):
            return values.firstIndex { $0.lowercased() == text.lowercased() }.map(QueryValue.ordinal)
        case .number:
            return Int(text).map(QueryValue.number)
        case .flag:
            switch text.lowercased() {
            case "true": return .flag(true)
            case "false": return .flag(false)
            default: return nil
            }
        }
    }

    /// What the field accepts, for error messages.
    var expectation: String {
        switch kind {
        case .text: "text"
        case .date: "a UTC date-time like \"2020-01-31T17:00:00Z\""
        case .enumeration(let values): "one of " + values.joined(separator: ", ")
        case .number: "a whole number"
        case .flag: "true or false"
        }
    }
}
