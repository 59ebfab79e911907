/// What ``YAMLReader`` made of a file: its one document's root and every problem found on the way.
public struct YAMLDocument: Sendable {
    /// The root node; nil when the file has no document or it cannot be read (see `diagnostics`).
    public var root: YAMLNode?
    /// Syntax errors (then the only one), duplicate keys (all of them), nesting and alias limits.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(root: YAMLNode? = nil, diagnostics: [Diagnostic] = []) {
        self.root = root
        self.diagnostics = diagnostics
    }
}
