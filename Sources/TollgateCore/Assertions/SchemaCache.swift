import Synchronization
import TollgateXML

/// Loads each XSD once per run and validates bodies against it, from any task.
final class SchemaCache: Sendable {
    /// The result of validating one body.
    enum Validation: Sendable, Equatable {
        /// The body satisfies the schema.
        case valid
        /// Each violation as `line L: message`.
        case invalid([String])
        /// The body is not XML at all.
        case unusableBody(UnusableBody)
        /// The schema file cannot be read or compiled.
        case schemaUnreadable(String)
    }

    /// One schema path: compiled by the first validation that needs it, under this entry's own lock.
    private final class Entry: Sendable {
        let schema = Mutex<Result<XMLSchema, XMLError>?>(nil)
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Creates an empty cache.
    init() {}

    /// Validates `body` against the schema at `path` (loaded on first use).
    func validate(_ body: [UInt8], against path: String) -> Validation {
        let schema: XMLSchema
        switch load(path) {
        case .success(let loaded): schema = loaded
        case .failure(let error): return .schemaUnreadable(error.description)
        }
        guard !BodyQuery.isBlank(body) else {
            return .unusableBody(.empty(expected: .xml))
        }
        do {
            let violations = try XMLDocument.withParsed(body) { document in schema.validate(document) }
            return violations.isEmpty ? .valid : .invalid(violations.map(\.description))
        } catch let error as XMLError {
            return .unusableBody(.notXML(error))
        } catch {
            return .unusableBody(.notXML(.malformedDocument(message: String(describing: error), line: 1, column: 1)))
        }
    }

    /// The compiled schema, compiled once. The cache's lock is held only to find the path's entry; compiling
    /// holds that entry's lock alone, so validations against other schemas never wait for it, and those
    /// against the same schema wait only for the one compilation whose result they need anyway.
    private func load(_ path: String) -> Result<XMLSchema, XMLError> {
        let entry = entries.withLock { entries in
            if let existing = entries[path] { return existing }
            let created = Entry()
            entries[path] = created
            return created
        }
        return entry.schema.withLock { schema in
            if let compiled = schema { return compiled }
            let loaded = Result { () throws(XMLError) -> XMLSchema in try XMLSchema(contentsOf: path) }
            schema = loaded
            return loaded
        }
    }
}
