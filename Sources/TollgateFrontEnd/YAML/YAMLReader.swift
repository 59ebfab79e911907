import CYaml

/// Reads one YAML document into ``YAMLNode``s with exact source spans, in one pass over libyaml's
/// events.
///
/// Hand-written on libyaml's event API (`yaml_parser_parse`) rather than Yams' composer because the
/// composer keeps only a node's start mark, stops at the first duplicate key and recurses once per
/// nesting level. Here every node gets its start *and* end (so carets span whole tokens), every
/// duplicate key is reported and dropped while reading goes on, collections are built on an explicit
/// stack with a nesting limit, and aliases are expanded within a budget (no "billion laughs").
///
/// libyaml stops at the first syntax error, so a syntax error is the only diagnostic of its file;
/// so are a second document, an undefined alias and an exceeded limit.
public struct YAMLReader: Sendable {
    /// Bounds that keep hostile input cheap.
    public struct Limits: Sendable {
        /// Deepest nesting of flow collections (`[` / `{`).
        public var maximumFlowDepth = 64
        /// Deepest nesting of all collections.
        public var maximumDepth = 256
        /// Most nodes that aliases may add to the document, all aliases together.
        public var maximumAliasNodes = 10_000

        /// The default limits; real files stay far below them.
        public init() {}
    }

    /// The file being read.
    public let source: SourceFile
    /// What the file is, for the words of the diagnostics.
    public let kind: FileKind
    /// The bounds.
    public let limits: Limits

    /// Creates a reader.
    public init(source: SourceFile, kind: FileKind, limits: Limits = Limits()) {
        self.source = source
        self.kind = kind
        self.limits = limits
    }

    /// libyaml's own nesting check counts the scanner's flow level, which runs up to 1024 characters
    /// ahead of the parser, so on a long run of `[` it fires first, at a meaningless place. Raised once
    /// (it is a process-wide setting) above ``Limits/maximumDepth`` plus that look-ahead, so the
    /// builder's check, at the offending bracket, always comes first.
    private static let libyamlNestingLimit: Void = { yaml_set_max_nest_level(2_000) }()

    /// Reads the document.
    public func read() -> YAMLDocument {
        _ = Self.libyamlNestingLimit
        // NUL-terminated so the buffer is never empty (libyaml asserts a non-null input).
        let bytes = Array(source.text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { buffer -> YAMLDocument in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return YAMLDocument(diagnostics: [Diagnostic(.error, "cannot start the YAML parser")])
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var builder = YAMLTreeBuilder(source: source, kind: kind, limits: limits)
            return builder.run(&parser)
        }
    }
}
