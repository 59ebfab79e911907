import Foundation

/// A whole run record read back from its file (`Schemas/run-record.schema.json`): what `tollgate compare`
/// (and later `merge`) reads. Reading checks what a reader must trust before it uses anything: the file
/// is complete JSON, it is a run record, and its format version is one this program knows.
public struct RecordedRun: Sendable {
    /// The header: format, tool, command line, target, suites, shard.
    public var header: RunRecordHeader
    /// Every scenario, in the order they finished.
    public var scenarios: [ScenarioRecord]
    /// The footer: end, duration, interruption, counts, fingerprint.
    public var footer: RunRecordFooter

    /// Creates a run from its parts.
    public init(header: RunRecordHeader, scenarios: [ScenarioRecord], footer: RunRecordFooter) {
        self.header = header
        self.scenarios = scenarios
        self.footer = footer
    }

    /// Reads the record at `path`. Every way a file can be unusable is a one-line ``RecordReadError``
    /// naming the file: unreadable, not JSON or cut short, not a run record, an unknown format version,
    /// a record whose run never finished writing it, a field of the wrong type.
    public static func load(path: String) throws(RecordReadError) -> RecordedRun {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RecordReadError(path: path, "cannot read the file")
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw RecordReadError(path: path, "not a run record: the file is JSON but not an object")
            }
            object = parsed
        } catch let error as RecordReadError {
            throw error
        } catch {
            throw RecordReadError(
                path: path, "not complete JSON (\(data.count) bytes): the file is cut short or broken, e.g. a run that was killed while writing it")
        }
        guard object["format"] as? String == RunRecordHeader.formatName else {
            throw RecordReadError(path: path, "not a run record: its format is \(describe(object["format"])), expected '\(RunRecordHeader.formatName)'")
        }
        guard let version = object["formatVersion"] as? Int, version == RunRecordHeader.currentFormatVersion else {
            throw RecordReadError(
                path: path,
                "run record format version \(describe(object["formatVersion"])) is not one this tollgate reads (it reads version \(RunRecordHeader.currentFormatVersion)); use the tollgate that wrote it")
        }
        guard object["endedAt"] != nil, object["tally"] != nil else {
            throw RecordReadError(path: path, "the record has no footer: the run that wrote it did not finish")
        }
        do {
            let decoder = JSONDecoder()
            return RecordedRun(
                header: try decoder.decode(RunRecordHeader.self, from: data),
                scenarios: try decoder.decode(Scenarios.self, from: data).scenarios,
                footer: try decoder.decode(RunRecordFooter.self, from: data))
        } catch let DecodingError.keyNotFound(key, context) {
            throw RecordReadError(path: path, "not a valid run record: \(field(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw RecordReadError(path: path, "not a valid run record: \(field(context.codingPath)) has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            throw RecordReadError(path: path, "not a valid run record: \(field(context.codingPath)) holds an unknown value")
        } catch {
            throw RecordReadError(path: path, "not a valid run record")
        }
    }

    private struct Scenarios: Decodable {
        var scenarios: [ScenarioRecord]
    }

    private static func describe(_ value: Any?) -> String {
        switch value {
        case nil: return "missing"
        case let text as String: return "'\(text)'"
        case let value?: return "\(value)"
        }
    }

    /// `scenarios[3].steps[0].outcome` for a decoding path.
    private static func field(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "the record" : "'\(text)'"
    }
}

/// Why a run record cannot be used, one line naming the file.
public struct RecordReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong with it.
    public var message: String

    /// Creates an error about `path`.
    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `PATH: message`.
    public var description: String { "\(path): \(message)" }
}
