import Foundation
import TollgateFrontEnd

/// Reads the YAML files `tollgate compare` takes (`--rules`, `--approved`): a top-level key holding a
/// list of mappings of scalars. Every problem is a ``Diagnostic`` with a caret at its place; reading goes
/// on past a bad entry so one run shows them all.
struct CompareFileReader {
    /// One entry of the list: its scalar values by key, where each key and value is written.
    struct Entry {
        var values: [String: String]
        var keys: [String: YAMLNode]
        var nodes: [String: YAMLNode]
        var node: YAMLNode
    }

    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    /// Reads `path` as a file of `kind`; nil with the diagnostic when it cannot be read as YAML text.
    init?(path: String, kind: FileKind, diagnostics: inout [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(.error, "cannot read \(kind.singular) \(path)"))
            return nil
        }
        switch SourceFile.decode(bytes: [UInt8](data), path: path, maxBytes: 4 << 20, kind: kind) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let source):
            self.source = source
        }
    }

    /// The entries under `key` with their allowed keys; unknown keys and non-scalar values are errors.
    mutating func entries(under key: String, allowed: [String]) -> [Entry] {
        let document = YAMLReader(source: source, kind: FileKind("compare file")).read()
        diagnostics += document.diagnostics
        guard let root = document.root else {
            if document.diagnostics.isEmpty { error("the file is empty: expected `\(key):` with a list", at: nil) }
            return []
        }
        guard case .mapping(let top) = root else {
            error("expected a mapping with `\(key):`, found \(root.kindDescription)", at: root)
            return []
        }
        var list: YAMLNode?
        for pair in top {
            let name = pair.key.scalar?.string ?? ""
            if name == key { list = pair.value } else { unknownKey(pair.key, allowed: [key]) }
        }
        guard let list else {
            error("missing `\(key):`", at: root)
            return []
        }
        if list.isNull { return [] }
        guard case .sequence(let items) = list else {
            error("`\(key)` must be a list, found \(list.kindDescription)", at: list)
            return []
        }
        var entries: [Entry] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                error("expected a mapping, found \(item.kindDescription)", at: item)
                continue
            }
            var entry = Entry(values: [:], keys: [:], nodes: [:], node: item)
            for pair in mapping {
                let name = pair.key.scalar?.string ?? ""
                guard allowed.contains(name) else {
                    unknownKey(pair.key, allowed: allowed)
                    continue
                }
                guard let scalar = pair.value.scalar else {
                    error("`\(name)` must be a single value, found \(pair.value.kindDescription)", at: pair.value)
                    continue
                }
                entry.values[name] = scalar.string
                entry.keys[name] = pair.key
                entry.nodes[name] = pair.value
            }
            entries.append(entry)
        }
        return entries
    }

    /// Records an error with a caret under `node`.
    mutating func error(_ message: String, at node: YAMLNode?, help: String? = nil) {
        guard let node else {
            diagnostics.append(Diagnostic(.error, message, at: source.location(line: 1, column: 1), help: help))
            return
        }
        let width = node.scalar != nil || node.span.isOneLine ? source.caretWidth(node.span) : 1
        diagnostics.append(Diagnostic(
            .error, message, at: node.location, sourceLine: source.line(node.location.line), width: width, help: help))
    }

    private mutating func unknownKey(_ node: YAMLNode, allowed: [String]) {
        let name = node.scalar?.string ?? ""
        let help = Suggestion.closest(to: name, in: allowed).map { "did you mean `\($0)`?" }
            ?? "allowed: " + allowed.map { "`\($0)`" }.joined(separator: ", ")
        error("unknown key `\(name)`", at: node, help: help)
    }
}

/// What is wrong with a `--rules` or `--approved` file: every problem, each at its place.
public struct CompareFileProblems: Error, Sendable {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]
}
