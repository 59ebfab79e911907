import Yams

/// What checks need to know about a node's YAML type.
extension YAMLNode {
    /// "a mapping", "a list", "a string", "a number", "a boolean", "nothing" — for "expected …, found …".
    public var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            guard scalar.isPlain else { return "a string" }
            switch scalar.resolvedTag {
            case .null: return "nothing"
            case .bool: return "a boolean"
            case .int, .float: return "a number"
            default: return "a string"
            }
        }
    }

    /// True for a plain `~`, `null` or empty value.
    public var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.isPlain else { return false }
        return scalar.resolvedTag == .null
    }
}

extension YAMLNode.Scalar {
    /// The YAML 1.1 type of the value (explicit tag, else resolved from the text as Yams does).
    var resolvedTag: Tag.Name {
        let name = tag.map { Tag.Name(rawValue: $0) } ?? .implicit
        return Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(string, Tag(name))))
    }
}
