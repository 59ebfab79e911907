extension ResourceNode {
    /// The Enterprise Manager namespace, the default namespace of every body.
    static let namespace = "http://www.veeam.com/ent/v1.0"

    /// The whole XML document as .NET's XmlSerializer writes it: the declaration, then the root
    /// with its attributes followed by the default namespace and the `xsd`/`xsi` declarations.
    func xmlDocument() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        let declarations = [
            ResourceAttribute("xmlns", .string(Self.namespace)),
            ResourceAttribute("xmlns:xsd", .string("http://www.w3.org/2001/XMLSchema")),
            ResourceAttribute("xmlns:xsi", .string("http://www.w3.org/2001/XMLSchema-instance")),
        ]
        writeXML(into: &out, depth: 0, extraAttributes: declarations)
        return out
    }

    private func writeXML(into out: inout String, depth: Int, extraAttributes: [ResourceAttribute] = []) {
        if case .null = value { return }
        if inlineInXML {
            for child in children {
                child.writeXML(into: &out, depth: depth)
            }
            return
        }
        let indent = String(repeating: "  ", count: depth)
        out += indent + "<" + name
        for attribute in attributes + extraAttributes {
            guard let text = attribute.value.xmlText else { continue }
            out += " \(attribute.name)=\"\(Self.escape(text, inAttribute: true))\""
        }
        if let text = value?.xmlText {
            out += ">" + Self.escape(text, inAttribute: false) + "</" + name + ">\n"
        } else if children.contains(where: { $0.value != .null && !($0.inlineInXML && $0.children.isEmpty) }) {
            out += ">\n"
            for child in children {
                child.writeXML(into: &out, depth: depth + 1)
            }
            out += indent + "</" + name + ">\n"
        } else {
            out += " />\n"
        }
    }

    /// Escapes markup characters; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&#39;"
            case "\n" where inAttribute: out += "&#xA;"
            case "\r": out += "&#xD;"
            case "\t" where inAttribute: out += "&#x9;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                    || (0x10000...0x10FFFF).contains(v)
                if allowed {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
