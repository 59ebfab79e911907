import CYaml

/// Turns libyaml's event stream into one ``YAMLNode`` tree, on an explicit stack (see ``YAMLReader``).
struct YAMLTreeBuilder {
    /// A collection being read.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var anchor: String?
        var start: SourceSpan
        /// Items in order; for a mapping keys and values alternate.
        var items: [YAMLNode] = []
        /// Nodes in this collection, itself and expanded aliases included.
        var size = 1
    }

    /// A node read once and possibly referred to by aliases.
    private struct Anchored {
        var node: YAMLNode
        var size: Int
    }

    /// Stops reading: the document cannot be used.
    private struct Stop: Error {
        var diagnostic: Diagnostic
    }

    let source: SourceFile
    let kind: FileKind
    let limits: YAMLReader.Limits
    private var stack: [Frame] = []
    private var flowDepth = 0
    private var anchors: [String: Anchored] = [:]
    private var aliasNodes = 0
    private var root: YAMLNode?
    private var documents = 0
    private var diagnostics: [Diagnostic] = []

    init(source: SourceFile, kind: FileKind, limits: YAMLReader.Limits) {
        self.source = source
        self.kind = kind
        self.limits = limits
    }

    /// Reads events until the stream ends or reading must stop.
    mutating func run(_ parser: inout yaml_parser_t) -> YAMLDocument {
        do {
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return YAMLDocument(diagnostics: [YAMLParserProblem(parser: parser, source: source).diagnostic])
                }
                let finished = event.type == YAML_STREAM_END_EVENT
                defer { yaml_event_delete(&event) }
                try handle(event)
                if finished { break }
            }
        } catch let stop as Stop {
            return YAMLDocument(diagnostics: [stop.diagnostic])
        } catch {
            return YAMLDocument(diagnostics: [Diagnostic(.error, "cannot read YAML: \(error)")])
        }
        return YAMLDocument(root: root, diagnostics: diagnostics)
    }

    private mutating func handle(_ event: yaml_event_t) throws {
        let span = self.span(event.start_mark, event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw Stop(diagnostic: error(
                    "a \(kind.singular) holds one YAML document, found a second one", at: span,
                    label: "second document", help: "remove the `---` separator or split the file in two"))
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let scalar = YAMLNode.Scalar(
                Self.string(data.value, Int(data.length)) ?? "", style: Self.style(data.style),
                tag: Self.string(data.tag), span: span)
            add(.scalar(scalar), size: 1, anchor: Self.string(data.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw Stop(diagnostic: error("invalid YAML: found undefined alias", at: span))
            }
            aliasNodes += anchored.size
            if aliasNodes > limits.maximumAliasNodes {
                throw Stop(diagnostic: error(
                    "aliases expand to too much: more than \(limits.maximumAliasNodes) nodes", at: span,
                    label: "expanding `*\(name)` goes over the limit",
                    help: "\(kind.plural) use anchors for a few shared values; this looks like an alias bomb"))
            }
            add(anchored.node, size: anchored.size, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try push(Frame(
                isMapping: false, isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE, anchor: Self.string(data.anchor),
                start: span))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try push(Frame(
                isMapping: true, isFlow: data.style == YAML_FLOW_MAPPING_STYLE, anchor: Self.string(data.anchor),
                start: span))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            if frame.isFlow { flowDepth -= 1 }
            let whole = SourceSpan(
                start: frame.start.start, end: span.end, startOffset: frame.start.startOffset,
                endOffset: span.endOffset)
            let node: YAMLNode = frame.isMapping
                ? .mapping(YAMLNode.Mapping(uniquePairs(frame.items), span: whole))
                : .sequence(YAMLNode.Sequence(frame.items, span: whole))
            add(node, size: frame.size, anchor: frame.anchor)
        default:
            break
        }
    }

    private mutating func push(_ frame: Frame) throws {
        if frame.isFlow {
            flowDepth += 1
            if flowDepth > limits.maximumFlowDepth {
                throw Stop(diagnostic: nestingError(
                    "nesting too deep: more than \(limits.maximumFlowDepth) levels of `[` or `{`", at: frame.start))
            }
        }
        if stack.count >= limits.maximumDepth {
            throw Stop(diagnostic: nestingError(
                "nesting too deep: more than \(limits.maximumDepth) levels of mappings and lists", at: frame.start))
        }
        stack.append(frame)
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        stack[stack.count - 1].items.append(node)
        stack[stack.count - 1].size += size
    }

    /// The pairs of a mapping's alternating keys and values, each repeated scalar key reported and
    /// dropped (the first one stays).
    private mutating func uniquePairs(_ items: [YAMLNode]) -> [(key: YAMLNode, value: YAMLNode)] {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var firstLines: [String: Int] = [:]
        var index = 0
        while index + 1 < items.count {
            let key = items[index]
            let value = items[index + 1]
            index += 2
            if case .scalar(let scalar) = key {
                if let line = firstLines[scalar.string] {
                    diagnostics.append(error(
                        "duplicate key `\(scalar.string)`", at: scalar.span,
                        label: "`\(scalar.string)` is already set at line \(line)", help: "keep one of them"))
                    continue
                }
                firstLines[scalar.string] = scalar.span.start.line
            }
            pairs.append((key, value))
        }
        return pairs
    }

    // MARK: Diagnostics

    private func nestingError(_ message: String, at span: SourceSpan) -> Diagnostic {
        error(message, at: span, help: "\(kind.plural) nest a few levels deep; this looks generated or corrupted")
    }

    private func error(_ message: String, at span: SourceSpan, label: String? = nil, help: String? = nil) -> Diagnostic {
        Diagnostic(
            .error, message, at: span.start, sourceLine: source.line(span.start.line),
            width: source.caretWidth(span), label: label, help: help)
    }

    // MARK: libyaml values

    private func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceSpan {
        SourceSpan(
            start: source.location(line: Int(start.line) + 1, column: Int(start.column) + 1),
            end: source.location(line: Int(end.line) + 1, column: Int(end.column) + 1),
            startOffset: Int(start.index), endOffset: Int(end.index))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        var count = 0
        if let length {
            count = length
        } else {
            while pointer[count] != 0 { count += 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
