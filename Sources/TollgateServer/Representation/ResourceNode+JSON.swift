extension ResourceNode {
    /// The JSON document by the reference's §9 rules: keys are the element and attribute
    /// names (PascalCase; camelCase as v13 writes them when `camelCase`), `Links` is an array,
    /// list roots are `{"<Plural>": [ … ]}`, booleans and numbers are typed, absent values are
    /// `null`. Key order follows the captures, where .NET writes a derived type's members
    /// before its base type's: by default child elements, other attributes, `Links`, then
    /// `Href` and `Type`; nodes whose captures differ (Link, Ref, Error) give `jsonKeyOrder`.
    /// Unless `writesNulls`, members whose value is `null` are left out (the 9.5 U4 style), except
    /// in nodes that set `keepsJSONNulls` (Error).
    func jsonDocument(camelCase: Bool, writesNulls: Bool = true) -> String {
        let style = JSONStyle(camelCase: camelCase, writesNulls: writesNulls)
        var out = ""
        if case .wrappedList(let key) = jsonShape {
            out += "{" + Self.jsonString(Self.key(key, style.camelCase)) + ":"
            writeJSONArray(into: &out, style)
            out += "}"
        } else {
            writeJSONObject(into: &out, style)
        }
        return out
    }

    /// The key case and null handling of one document.
    private struct JSONStyle {
        var camelCase: Bool
        var writesNulls: Bool
    }

    private func writeJSONValue(into out: inout String, _ style: JSONStyle) {
        if let value {
            out += Self.jsonLiteral(value)
            return
        }
        switch jsonShape {
        case .object:
            writeJSONObject(into: &out, style)
        case .list:
            writeJSONArray(into: &out, style)
        case .wrappedList(let key):
            out += "{" + Self.jsonString(Self.key(key, style.camelCase)) + ":"
            writeJSONArray(into: &out, style)
            out += "}"
        }
    }

    private func writeJSONArray(into out: inout String, _ style: JSONStyle) {
        out += "["
        for (index, child) in children.enumerated() {
            if index > 0 { out += "," }
            child.writeJSONValue(into: &out, style)
        }
        out += "]"
    }

    private func writeJSONObject(into out: inout String, _ style: JSONStyle) {
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
        if !style.writesNulls && !keepsJSONNulls {
            members.removeAll { $0.node.value == .null }
        }
        out += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { out += "," }
            out += Self.jsonString(Self.key(member.key, style.camelCase)) + ":"
            member.node.writeJSONValue(into: &out, style)
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
