import Foundation

/// Finding the run's declarative session: a `session:` block in a scenario file, or a `tollgate.yaml`
/// in a folder given to the loader (or the folder of a file given to it). A run has at most one.
extension ScenarioLoader {
    /// Loads the `tollgate.yaml` files beside `paths`, then picks the run's one session definition
    /// among them and the suites' `session:` blocks; every further definition is an error.
    func loadSession(paths: [String], into result: inout LoadResult) {
        var definitions: [SessionDefinition] = []
        var seen: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
            let file = folder.isEmpty ? SessionDefinition.fileName : (folder as NSString).appendingPathComponent(SessionDefinition.fileName)
            guard FileManager.default.fileExists(atPath: file),
                seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted
            else { continue }
            let loaded = loadSessionFile(file)
            result.diagnostics += loaded.diagnostics
            if let definition = loaded.definition { definitions.append(definition) }
        }
        definitions += result.suites.compactMap(\.session)
        guard let first = definitions.first else { return }
        for extra in definitions.dropFirst() {
            result.diagnostics.append(
                Diagnostic(
                    .error, "a second session definition", at: extra.location,
                    sourceLine: Self.line(extra.location.line, of: extra.location.file), width: "session".count,
                    label: "the run's session is already defined at \(first.location)",
                    help: "a run logs on once: keep one `session:` block or one \(SessionDefinition.fileName)"))
        }
        result.session = definitions.count == 1 ? first : nil
    }

    /// The text of a 1-based line of a file, for a caret.
    private static func line(_ number: Int, of file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.contains(number - 1) ? String(lines[number - 1]) : nil
    }

    /// One `tollgate.yaml`, checked like a scenario file.
    private func loadSessionFile(_ file: String) -> (definition: SessionDefinition?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            return (nil, [Diagnostic(.error, "cannot read \(file)")])
        }
        let source: SourceFile
        switch SourceFile.decode(bytes: [UInt8](data), path: file, maxBytes: options.maxFileBytes, kind: .scenario) {
        case .success(let decoded): source = decoded
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let document = YAMLReader(source: source, kind: .scenario).read()
        var diagnostics = document.diagnostics
        var definition: SessionDefinition?
        if let root = document.root {
            let builder = SuiteBuilder(source: source, options: options)
            definition = builder.buildSessionFile(root: root)
            diagnostics += builder.diagnostics
        } else if diagnostics.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, "\(SessionDefinition.fileName) is empty", at: source.location(line: 1, column: 1),
                    help: "describe the session under `session:`"))
        }
        diagnostics = Self.sortedByLocation(diagnostics)
        return (diagnostics.contains { $0.severity == .error } ? nil : definition, diagnostics)
    }
}
