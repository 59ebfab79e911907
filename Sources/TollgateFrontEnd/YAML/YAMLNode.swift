/// A YAML node with the exact place it is written, built by ``YAMLReader``.
///
/// Aliases are already expanded (within ``YAMLReader/Limits``), duplicate keys already reported and
/// dropped, so a mapping's keys are unique and a node is one of three kinds.
public indirect enum YAMLNode: Sendable {
    /// A scalar: text with its quoting style.
    case scalar(Scalar)
    /// A mapping, its pairs in file order.
    case mapping(Mapping)
    /// A sequence, its items in file order.
    case sequence(Sequence)

    /// How a scalar is written.
    public enum Style: Sendable, Equatable {
        /// Without quotes or block indicator: YAML types (`null`, `true`, numbers) apply.
        case plain
        /// `'text'`.
        case singleQuoted
        /// `"text"`.
        case doubleQuoted
        /// `|` block.
        case literal
        /// `>` block.
        case folded
    }

    /// A scalar's value and where its token is written.
    public struct Scalar: Sendable {
        /// The value (quotes removed, escapes decoded, blocks folded).
        public var string: String
        /// How it is written.
        public var style: Style
        /// The explicit tag (`!!str`), if any.
        public var tag: String?
        /// The whole token, quotes and block header included.
        public var span: SourceSpan

        /// Creates a scalar.
        public init(_ string: String, style: Style = .plain, tag: String? = nil, span: SourceSpan) {
            self.string = string
            self.style = style
            self.tag = tag
            self.span = span
        }

        /// True when written without quotes or block indicator (so YAML types apply).
        public var isPlain: Bool { style == .plain }
    }

    /// A mapping's pairs, unique keys in file order.
    public struct Mapping: Sendable, RandomAccessCollection {
        /// The pairs.
        public var pairs: [(key: YAMLNode, value: YAMLNode)]
        /// From the first key (or `{`) to the end of the last value (or `}`).
        public var span: SourceSpan

        /// Creates a mapping.
        public init(_ pairs: [(key: YAMLNode, value: YAMLNode)], span: SourceSpan) {
            self.pairs = pairs
            self.span = span
        }

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the scalar key `key`, if written.
        public subscript(key: String) -> YAMLNode? {
            pairs.first { $0.key.scalar?.string == key }?.value
        }
    }

    /// A sequence's items in file order.
    public struct Sequence: Sendable, RandomAccessCollection {
        /// The items.
        public var items: [YAMLNode]
        /// From the first `-` (or `[`) to the end of the last item (or `]`).
        public var span: SourceSpan

        /// Creates a sequence.
        public init(_ items: [YAMLNode], span: SourceSpan) {
            self.items = items
            self.span = span
        }

        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(position: Int) -> YAMLNode { items[position] }
    }

    /// Where the node is written.
    public var span: SourceSpan {
        switch self {
        case .scalar(let scalar): return scalar.span
        case .mapping(let mapping): return mapping.span
        case .sequence(let sequence): return sequence.span
        }
    }

    /// Where the node starts.
    public var location: SourceLocation { span.start }

    /// The scalar, if this is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}
