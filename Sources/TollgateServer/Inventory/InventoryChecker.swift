import Foundation

/// The checks an ``Inventory`` runs on its parts, each failing with a ``ServerFileError``
/// that names the file and the place (`sessions[2].tasks[0]`). Remembers every id seen, so
/// an id is used once in the whole inventory.
struct InventoryChecker {
    let path: String
    private var seen: Set<String> = []

    init(path: String) {
        self.path = path
    }

    /// A GUID not used before, lowercased.
    mutating func id(_ id: String, place: String) throws -> String {
        guard UUID(uuidString: id) != nil else {
            throw failure(place, "id '\(id)' is not a GUID like 78c3919c-54d7-43fe-b047-485d3566f11f")
        }
        let lowered = id.lowercased()
        guard seen.insert(lowered).inserted else {
            throw failure(place, "id \(lowered) is used twice")
        }
        return lowered
    }

    /// A non-empty name.
    func name(_ name: String, place: String) throws {
        guard !name.isEmpty else { throw failure(place, "the name is empty") }
    }

    /// A value from a closed list.
    func oneOf(_ value: String, _ allowed: [String], what: String, place: String) throws {
        guard allowed.contains(value) else {
            throw failure(place, "unknown \(what) '\(value)' (known: \(allowed.joined(separator: ", ")))")
        }
    }

    /// The id of an item listed earlier in the inventory, lowercased.
    func reference(_ id: String, in ids: Set<String>, what: String, place: String) throws -> String {
        let lowered = id.lowercased()
        guard ids.contains(lowered) else {
            throw failure(place, "\(what) '\(id)' is not in the inventory")
        }
        return lowered
    }

    /// An xs:dateTime in UTC (`Z`), the only time zone the query service compares.
    func utcTime(_ text: String, what: String, place: String) throws {
        guard Self.isDateTime(text), text.hasSuffix("Z") else {
            throw failure(place, "\(what) '\(text)' is not a UTC date-time like 2020-02-01T17:00:00Z")
        }
    }

    func failure(_ place: String, _ message: String) -> ServerFileError {
        ServerFileError(path: path, message: "\(place): \(message)")
    }

    static func isDateTime(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/) != nil
    }
}
