import Foundation

/// Loads scenario files and checks everything in them before any request is sent.
///
/// The loader never throws and never crashes on bad input: every problem is a ``Diagnostic`` in the
/// ``LoadResult``. A file with an error contributes diagnostics but no suite.
public struct ScenarioLoader: Sendable {
    /// The loader's settings.
    public var options: LoadOptions

    /// Creates a loader.
    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads files or folders (folders: `*.yaml`/`*.yml` recursively, sorted by path; hidden entries
    /// are skipped). A missing path, or a folder without scenario files, is a diagnostic.
    public func load(paths: [String]) -> LoadResult {
        var result = LoadResult()
        var seen: Set<String> = []
        for path in paths {
            let found = ScenarioFileFinder.files(at: path)
            result.diagnostics.append(contentsOf: found.diagnostics)
            for file in found.files where seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted {
                switch readBytes(file) {
                case .success(let bytes):
                    result.append(load(bytes: bytes, file: file))
                case .failure(let diagnostic):
                    result.diagnostics.append(diagnostic)
                }
            }
        }
        loadSession(paths: paths, into: &result)
        result.diagnostics += Self.duplicateIDs(in: result.suites)
        return result
    }

    /// One error for every scenario whose id an earlier file already used (ids are unique in a run).
    static func duplicateIDs(in suites: [Suite]) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for suite in suites {
            for scenario in suite.scenarios {
                guard let earlier = first[scenario.id] else {
                    first[scenario.id] = scenario.location
                    continue
                }
                diagnostics.append(Diagnostic(
                    .error, "duplicate scenario id `\(scenario.id)`", at: scenario.location,
                    sourceLine: suite.sourceLine(scenario.location.line), label: "already used at \(earlier)",
                    help: "scenario ids are unique in a run; give one of them another `id:`"))
            }
        }
        return diagnostics
    }

    /// Loads one file's content; `file` names it in diagnostics and anchors its relative paths.
    /// Never crashes, whatever the bytes.
    public func load(bytes: [UInt8], file: String) -> LoadResult {
        let source: SourceFile
        switch SourceFile.decode(bytes: bytes, path: file, maxBytes: options.maxFileBytes, kind: .scenario) {
        case .success(let decoded): source = decoded
        case .failure(let diagnostic): return LoadResult(diagnostics: [diagnostic])
        }
        if source.isBlank {
            return LoadResult(diagnostics: [Diagnostic(
                .error, "the file is empty", at: source.location(line: 1, column: 1),
                help: "a scenario file needs at least `scenarios:` with one scenario")])
        }
        let document = YAMLReader(source: source, kind: .scenario).read()
        var diagnostics = document.diagnostics
        var suite: Suite?
        if let root = document.root {
            let builder = SuiteBuilder(source: source, options: options)
            suite = builder.build(root: root)
            diagnostics += builder.diagnostics
        } else if diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                .error, "the file has no YAML content, only comments", at: source.location(line: 1, column: 1),
                help: "a scenario file needs at least `scenarios:` with one scenario"))
        }
        diagnostics = Self.sortedByLocation(diagnostics)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        suite?.contentSHA256 = ContentHash.sha256(bytes)
        var result = LoadResult(suites: hasErrors ? [] : suite.map { [$0] } ?? [], diagnostics: diagnostics)
        result.session = result.suites.first?.session
        return result
    }

    /// Line order, keeping the order of diagnostics at the same place (stable).
    static func sortedByLocation(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location
            let right = rhs.element.location
            switch (left, right) {
            case let (left?, right?) where left != right: return left < right
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    private func readBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > options.maxFileBytes {
            return .failure(SourceFile.tooLarge(path: path, size: size, maxBytes: options.maxFileBytes, kind: .scenario))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(.error, "cannot read \(path)"))
        }
        return .success([UInt8](data))
    }
}

extension FileKind {
    /// Scenario files, in the front end's diagnostics.
    static let scenario = FileKind(
        "scenario file",
        tooLargeHelp: "scenario files are small YAML texts; keep large bodies in files (`body: { file: … }`)")
}

extension LoadResult {
    /// Adds another file's result.
    mutating func append(_ other: LoadResult) {
        suites += other.suites
        diagnostics += other.diagnostics
    }
}
