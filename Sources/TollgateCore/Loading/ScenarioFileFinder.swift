import Foundation

/// Expands the paths given to `tollgate run` into scenario files.
enum ScenarioFileFinder {
    /// File extensions of scenario files.
    static let extensions: Set<String> = ["yaml", "yml"]

    /// The scenario files at `path`: the file itself, or a folder's `*.yaml`/`*.yml` (recursively,
    /// sorted by path, hidden files and folders skipped).
    static func files(at path: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ([], [Diagnostic(.error, "no such file or directory: \(path)")])
        }
        guard isDirectory.boolValue else { return ([path], []) }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            return ([], [Diagnostic(.error, "cannot read directory \(path)")])
        }
        var files: [String] = []
        let base = path.hasSuffix("/") ? path : path + "/"
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let full = base + relative
            var entryIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &entryIsDirectory),
                !entryIsDirectory.boolValue, name != SessionDefinition.fileName,
                extensions.contains((name as NSString).pathExtension.lowercased())
            else { continue }
            files.append(full)
        }
        if files.isEmpty {
            return ([], [Diagnostic(.error, "no scenario files (*.yaml, *.yml) in directory \(path)")])
        }
        return (files.sorted(), [])
    }
}
