import Yams

/// What the loader needs to know about a YAML node.
extension Node {
    /// "a mapping", "a list", "a string", "a number", "a boolean", "nothing" — for "expected …, found …".
    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            guard scalar.isPlain else { return "a string" }
            switch Resolver.default.resolveTag(of: self) {
            case .null: return "nothing"
            case .bool: return "a boolean"
            case .int, .float: return "a number"
            default: return "a string"
            }
        }
    }

    /// True for a plain `~`, `null` or empty value.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.isPlain else { return false }
        return Resolver.default.resolveTag(of: self) == .null
    }

    /// The node's location in `source` (1:1 when Yams gave none).
    func location(in source: SourceFile) -> SourceLocation {
        source.location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}

extension Node.Scalar {
    /// True when written without quotes or block indicator (so YAML types apply).
    var isPlain: Bool { style == .plain || style == .any }
}
