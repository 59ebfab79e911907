import Foundation

/// The measured seconds of each scenario in an earlier run record (`--durations RECORD`).
public enum RecordDurations {
    private struct Record: Decodable {
        var format: String
        var scenarios: [Entry]
    }

    private struct Entry: Decodable {
        var id: String
        var durationSeconds: Double
        var outcome: Outcome.Kind
    }

    /// Seconds per scenario id of the record at `path`; skipped and not-run scenarios are left out
    /// (their time says nothing). Throws a one-line ``ShardError`` when the file is not a run record.
    public static func load(path: String) throws(ShardError) -> [String: Double] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShardError("--durations \(path): cannot read the file")
        }
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: data)
        } catch {
            throw ShardError("--durations \(path): not a complete run record")
        }
        guard record.format == RunRecordHeader.formatName else {
            throw ShardError("--durations \(path): not a run record (format is '\(record.format)')")
        }
        var result: [String: Double] = [:]
        for entry in record.scenarios where entry.outcome != .skipped && entry.outcome != .notRun {
            result[entry.id] = entry.durationSeconds
        }
        return result
    }
}
