/// A parsed `filter=` of the query service (reference §14.2): comparisons `field op value` with
/// `==`, `!=`, `<`, `>`, `<=`, `>=`, joined by `;` (and) and `,` (or), grouped by `( )`.
///
/// `;` binds tighter than `,` (as in FIQL, which the grammar resembles): `a==1,b==2;c==3` is
/// `a==1 or (b==2 and c==3)`. A value with spaces or separators goes in double quotes, a quote
/// inside doubled; spaces outside quotes are dropped.
indirect enum QueryFilter: Sendable, Equatable {
    case comparison(field: String, op: Operator, value: QueryValue)
    case all([QueryFilter])
    case any([QueryFilter])

    enum Operator: String, Sendable, Equatable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"
    }

    /// Parses `text` against the fields of one query type.
    /// - Throws: ``QueryError`` naming the position (1-based, in the filter without its spaces)
    ///   and what was expected.
    init(parsing text: String, fields: [QueryField]) throws(QueryError) {
        var parser = Parser(characters: Self.withoutUnquotedSpaces(text), fields: fields)
        let filter = try parser.expression()
        if parser.position < parser.characters.count {
            throw parser.error("unexpected '\(parser.characters[parser.position])'")
        }
        self = filter
    }

    /// Whether an item with these values (keyed by lower-cased field name) passes.
    func matches(_ values: [String: QueryValue]) -> Bool {
        switch self {
        case .all(let parts): return parts.allSatisfy { $0.matches(values) }
        case .any(let parts): return parts.contains { $0.matches(values) }
        case .comparison(let field, let op, let expected):
            guard let actual = values[field], let order = actual.compare(to: expected) else {
                return op == .notEqual
            }
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .greater: return order > 0
            case .lessOrEqual: return order <= 0
            case .greaterOrEqual: return order >= 0
            }
        }
    }

    private static func withoutUnquotedSpaces(_ text: String) -> [Character] {
        var out: [Character] = []
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted && character.isWhitespace { continue }
            out.append(character)
        }
        return out
    }

    private struct Parser {
        let characters: [Character]
        let fields: [QueryField]
        var position = 0

        init(characters: [Character], fields: [QueryField]) {
            self.characters = characters
            self.fields = fields
        }

        mutating func expression() throws(QueryError) -> QueryFilter {
            var parts = [try conjunction()]
            while peek == "," {
                position += 1
                parts.append(try conjunction())
            }
            return parts.count == 1 ? parts[0] : .any(parts)
        }

        private mutating func conjunction() throws(QueryError) -> QueryFilter {
            var parts = [try primary()]
            while peek == ";" {
                position += 1
                parts.append(try primary())
            }
            return parts.count == 1 ? parts[0] : .all(parts)
        }

        private mutating func primary() throws(QueryError) -> QueryFilter {
            if peek == "(" {
                position += 1
                let inner = try expression()
                guard peek == ")" else { throw error("expected ')'") }
                position += 1
                return inner
            }
            return try comparison()
        }

        private mutating func comparison() throws(QueryError) -> QueryFilter {
            let start = position
            while let character = peek, character.isLetter || character.isNumber || character == "_" {
                position += 1
            }
            guard position > start else { throw error("expected a field name") }
            let name = String(characters[start..<position])
            guard let field = fields.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw QueryError(
                    "Malformed filter: unknown field '\(name)' at position \(start + 1) (fields: "
                        + fields.map(\.name).joined(separator: ", ") + ").")
            }
            guard let op = Operator.allCases.first(where: { matches($0.rawValue) }) else {
                throw error("expected an operator (==, !=, <, >, <=, >=) after '\(name)'")
            }
            position += op.rawValue.count
            let valueStart = position
            let text = try valueText()
            guard let value = field.value(from: text) else {
                throw QueryError(
                    "Malformed filter: '\(text)' at position \(valueStart + 1) is not a value of \(field.name) "
                        + "(expected \(field.expectation)).")
            }
            return .comparison(field: field.name.lowercased(), op: op, value: value)
        }

        private mutating func valueText() throws(QueryError) -> String {
            if peek == "\"" {
                position += 1
                var text = ""
                while true {
                    guard let character = peek else { throw error("unterminated quoted value") }
                    position += 1
                    if character == "\"" {
                        if peek == "\"" {
                            text.append("\"")
                            position += 1
                            continue
                        }
                        return text
                    }
                    text.append(character)
                }
            }
            let start = position
            while let character = peek, !";,()\"".contains(character) {
                position += 1
            }
            guard position > start else { throw error("expected a value") }
            return String(characters[start..<position])
        }

        private func matches(_ token: String) -> Bool {
            let token = Array(token)
            guard position + token.count <= characters.count else { return false }
            return Array(characters[position..<(position + token.count)]) == token
        }

        private var peek: Character? {
            position < characters.count ? characters[position] : nil
        }

        func error(_ message: String) -> QueryError {
            let place = position < characters.count ? "at position \(position + 1)" : "at the end"
            return QueryError("Malformed filter: \(message) \(place).")
        }
    }
}
