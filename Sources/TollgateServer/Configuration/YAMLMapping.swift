import Yams

/// A YAML mapping read key by key, with errors that name the file, line and key.
///
/// Unknown keys are errors (``checkKeys(_:)``): a misspelt `scheduleEnable` must not be
/// silently ignored.
struct YAMLMapping {
    let mapping: Node.Mapping
    /// Where this mapping sits, e.g. `jobs[2]`; empty for the document root.
    let place: String
    /// The file name used in errors.
    let path: String

    /// Parses `text` and returns its root mapping.
    static func root(of text: String, path: String) throws -> YAMLMapping {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ServerFileError(path: path, message: "not valid YAML: \(error)")
        }
        guard let node, let mapping = node.mapping else {
            throw ServerFileError(path: path, message: "expected a YAML mapping at the top of the file")
        }
        return YAMLMapping(mapping: mapping, place: "", path: path)
    }

    /// Fails on a key not in `allowed`.
    func checkKeys(_ allowed: [String]) throws {
        for key in mapping.keys {
            let name = key.scalar?.string ?? "\(key)"
            if !allowed.contains(name) {
                throw error(at: key, key: name, "unknown key (expected one of: \(allowed.joined(separator: ", ")))")
            }
        }
    }

    /// The scalar text under `key`, or nil when the key is absent.
    func string(_ key: String) throws -> String? {
        guard let node = mapping[key] else { return nil }
        guard let scalar = node.scalar else {
            throw error(at: node, key: key, "expected a single value")
        }
        return scalar.string
    }

    /// The scalar text under `key`; fails when absent or empty.
    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key), !value.isEmpty else {
            throw error(at: mapping[key], key: key, "missing value")
        }
        return value
    }

    /// The boolean under `key` (`true`/`false`), or nil when absent.
    func bool(_ key: String) throws -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.bool else {
            throw error(at: node, key: key, "expected true or false")
        }
        return value
    }

    /// The integer under `key`, or nil when absent.
    func int(_ key: String) throws -> Int? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.int else {
            throw error(at: node, key: key, "expected a whole number")
        }
        return value
    }

    /// The mapping under `key`, or nil when absent.
    func mapping(_ key: String) throws -> YAMLMapping? {
        guard let node = mapping[key] else { return nil }
        guard let inner = node.mapping else {
            throw error(at: node, key: key, "expected a mapping")
        }
        return YAMLMapping(mapping: inner, place: qualified(key), path: path)
    }

    /// The sequence of mappings under `key`, or nil when absent.
    func mappings(_ key: String) throws -> [YAMLMapping]? {
        guard let node = mapping[key] else { return nil }
        if node.null != nil { return [] }
        guard let sequence = node.sequence else {
            throw error(at: node, key: key, "expected a list")
        }
        return try sequence.enumerated().map { index, item in
            guard let inner = item.mapping else {
                throw error(at: item, key: "\(key)[\(index)]", "expected a mapping")
            }
            return YAMLMapping(mapping: inner, place: "\(qualified(key))[\(index)]", path: path)
        }
    }

    /// An error about this mapping itself.
    func failure(_ message: String) -> ServerFileError {
        let line = mapping.mark.map { "line \($0.line): " } ?? ""
        return ServerFileError(path: path, message: "\(line)\(place.isEmpty ? "" : "\(place): ")\(message)")
    }

    private func qualified(_ key: String) -> String {
        place.isEmpty ? key : "\(place).\(key)"
    }

    private func error(at node: Node?, key: String, _ message: String) -> ServerFileError {
        let line = (node?.mark ?? mapping.mark).map { "line \($0.line): " } ?? ""
        return ServerFileError(path: path, message: "\(line)\(qualified(key)): \(message)")
    }
}
