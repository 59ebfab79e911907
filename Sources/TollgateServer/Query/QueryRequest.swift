import Foundation

/// The parameters of `GET /api/query` (reference §14.2), checked: `type`, `format`
/// (`Entities` or `References`, any case), `filter`, `sortAsc`/`sortDesc`, `pageSize`, `page`.
struct QueryRequest: Sendable {
    var type: QueryType
    /// `type` as the client spelt it, repeated in the paging links.
    var typeText: String
    var entities: Bool
    /// `format` as the client spelt it, or nil.
    var formatText: String?
    var filter: QueryFilter?
    var filterText: String?
    /// Sort field (lower-cased) and direction; nil keeps creation order.
    var sort: (field: String, descending: Bool, text: String)?
    var pageSize: Int
    var page: Int

    /// The page size when the request gives none (the captures' 100).
    static let defaultPageSize = 100

    /// Reads the lower-cased, decoded query parameters.
    init(parameters: [String: String]) throws(QueryError) {
        guard let typeText = parameters["type"], !typeText.isEmpty else {
            throw QueryError(
                "The 'type' query parameter is required (served: \(QueryType.all.map(\.name).joined(separator: ", "))).")
        }
        guard let type = QueryType.all.first(where: { $0.name.lowercased() == typeText.lowercased() }) else {
            throw QueryError(
                "Unknown query type '\(typeText)' (served: \(QueryType.all.map(\.name).joined(separator: ", "))).")
        }
        self.type = type
        self.typeText = typeText
        formatText = parameters["format"].flatMap { $0.isEmpty ? nil : $0 }
        switch formatText?.lowercased() {
        case nil, "references", "refs": entities = false
        case "entities": entities = true
        default: throw QueryError("Unknown format '\(formatText ?? "")'; use format=Entities or format=References.")
        }
        filterText = parameters["filter"].flatMap { $0.isEmpty ? nil : $0 }
        filter = try filterText.map { text throws(QueryError) in try QueryFilter(parsing: text, fields: type.fields) }
        let ascending = parameters["sortasc"].flatMap { $0.isEmpty ? nil : $0 }
        let descending = parameters["sortdesc"].flatMap { $0.isEmpty ? nil : $0 }
        if ascending != nil && descending != nil {
            throw QueryError("Give sortAsc or sortDesc, not both.")
        }
        if let text = ascending ?? descending {
            guard let field = type.fields.first(where: { $0.name.lowercased() == text.lowercased() }) else {
                throw QueryError(
                    "Unknown sort field '\(text)' (fields: \(type.fields.map(\.name).joined(separator: ", "))).")
            }
            sort = (field.name.lowercased(), descending != nil, text)
        }
        pageSize = try Self.positive(parameters["pagesize"], name: "pageSize") ?? Self.defaultPageSize
        page = try Self.positive(parameters["page"], name: "page") ?? 1
    }

    /// The items of the requested page, after filtering and sorting, and the page count.
    func select(from items: [QueryItem]) -> (items: [QueryItem], pagesCount: Int) {
        var selected = items.filter { filter?.matches($0.values) ?? true }
        if let sort {
            selected = selected.enumerated().sorted { lhs, rhs in
                let a = lhs.element.values[sort.field]
                let b = rhs.element.values[sort.field]
                switch (a, b) {
                case (nil, nil): return lhs.offset < rhs.offset
                case (nil, _): return false
                case (_, nil): return true
                case (let a?, let b?):
                    let order = a.compare(to: b) ?? 0
                    if order == 0 { return lhs.offset < rhs.offset }
                    return sort.descending ? order > 0 : order < 0
                }
            }.map(\.element)
        }
        let pagesCount = max(1, (selected.count + pageSize - 1) / pageSize)
        let start = (page - 1) * pageSize
        guard start < selected.count else { return ([], pagesCount) }
        return (Array(selected[start..<min(selected.count, start + pageSize)]), pagesCount)
    }

    /// `/query?…` for another page: the request's parameters in a fixed order, the filter
    /// percent-encoded with lower-case hex (as v12 writes it).
    func path(page: Int) -> String {
        var path = "/query?type=" + Self.encode(typeText)
        if let formatText { path += "&format=" + Self.encode(formatText) }
        if let filterText { path += "&filter=" + Self.encode(filterText) }
        if let sort { path += (sort.descending ? "&sortDesc=" : "&sortAsc=") + Self.encode(sort.text) }
        return path + "&pageSize=\(pageSize)&page=\(page)"
    }

    private static func positive(_ text: String?, name: String) throws(QueryError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw QueryError("'\(name)' must be a whole number of at least 1, not '\(text)'.")
        }
        return value
    }

    private static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if character.isASCII && (character.isLetter || character.isNumber || "-_.~".contains(character)) {
                out.append(character)
            } else if byte == 0x20 {
                out.append("+")
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return out
    }
}
