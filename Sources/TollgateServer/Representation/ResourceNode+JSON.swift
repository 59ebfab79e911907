extension ResourceNode {
    /// The JSON document by the reference's §9 rules: keys are the element and attribute
    /// names (PascalCase; camelCase as v13 writes them when `camelCase`), `Links` is an array,
    /// list roots are `{"<Plural>": [ … ]}`, booleans and numbers are typed, absent values are
    /// `null`. Key order follows the captures, where .NET writes a derived type's members
    /// before its base type's: by default child elements, other attributes, `Links`, then
    /// `Href` and `Type`; nodes whose captures differ (Link, Ref, Error) give `jsonKeyOrder`.
    func jsonDocument(camelCase: Bool) -> String {
        var out = ""
        if case .wrappedList(let key) = jsonShape {
            out += "{" + Self.jsonString(Self.key(key, camelCase)) + ":"
            writeJSONArray(into: &out, camelCase: camelCase)
            out += "}"
        } else {
            writeJSONObject(into: &out, camelCase: camelCase)
        }
        return out
    }

    private func writeJSONValue(into out: inout String, camelCase: Bool) {
        if let value {
            out += Self.jsonLiteral(value)
            return
        }
        switch jsonShape {
        case .object:
            writeJSONObject(into: &out, camelCase: camelCase)
        case .list:
            writeJSONArray(into: &out, camelCase: camelCase)
        case .wrappedList(let key):
            out += "{" + Self.jsonString(Self.key(key, camelCase)) + ":"
            writeJSONArray(into: &out, camelCase: camelCase)
            out += "}"
        }
    }

    private func writeJSONArray(into out: inout String, camelCase: Bool) {
        out += "["
        for (index, child) in children.enumerated() {
            if index > 0 { out += "," }
            child.writeJSONValue(into: &out, camelCase: camelCase)
        }
        out += "]"
    }

    private func writeJSONObject(into out: inout String, camelCase: Bool) {
        var members: [(key: String, node: ResourceNode)] = []
        let trailing = ["Href", "Type"]
        for child in children where child.name != "Links" {
            members.append((child.name, child))
        }
        for attribute in attributes where !trailing.contains(attribute.name) {
            members.append((attribute.name, .leaf(attribute.name, attribute.value)))
        }
        for child in children where child.name == "Links" {
            members.append((child.name, child))
        }
        for name in trailing {
            if let attribute = attributes.first(where: { $0.name == name }) {
                members.append((name, .leaf(name, attribute.value)))
            }
        }
        if !jsonKeyOrder.isEmpty {
            let rank = { (key: String) in self.jsonKeyOrder.firstIndex(of: key) ?? self.jsonKeyOrder.count }
            members = members.enumerated().sorted { lhs, rhs in
                (rank(lhs.element.key), lhs.offset) < (rank(rhs.element.key), rhs.offset)
            }.map(\.element)
        }
        out += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { out += "," }
            out += Self.jsonString(Self.key(member.key, camelCase)) + ":"
            member.node.writeJSONValue(into: &out, camelCase: camelCase)
        }
        out += "}"
    }

    private static func key(_ name: String, _ camelCase: Bool) -> String {
        camelCase ? camelCased(name) : name
    }

    /// .NET-style camelCase: the leading run of capitals is lowered, except the last one
    /// when a lower-case letter follows (`TaskId` → `taskId`, `UID` → `uid`, `URLPath` → `urlPath`).
    static func camelCased(_ name: String) -> String {
        let characters = Array(name)
        var result = characters
        var index = 0
        while index < characters.count, characters[index].isUppercase {
            let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
            if index > 0 && nextIsLower { break }
            result[index] = Character(characters[index].lowercased())
            index += 1
        }
        return String(result)
    }

    private static func jsonLiteral(_ value: ResourceValue) -> String {
        switch value {
        case .string(let text): jsonString(text)
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .null: "null"
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
