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

    private let schemas = Mutex<[String: Result<XMLSchema, XMLError>]>([:])

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

    /// The compiled schema, loading it under the lock the first time so it is compiled once.
    private func load(_ path: String) -> Result<XMLSchema, XMLError> {
        schemas.withLock { cache in
            if let cached = cache[path] { return cached }
            let loaded = Result { () throws(XMLError) -> XMLSchema in try XMLSchema(contentsOf: path) }
            cache[path] = loaded
            return loaded
        }
    }
}
