/// Splits a selection of scenario ids into shards, deterministically (README: "Sharding").
///
/// - Without durations: the ids are sorted (by their UTF-8 bytes) and dealt round-robin: the id at
///   sorted position p (from 0) goes to shard p mod N + 1. The shards differ in size by at most one,
///   and the split does not depend on the order of files on the command line.
/// - With durations (an earlier run record): longest first onto the least loaded shard. The ids are
///   ordered by measured seconds, longest first, ties by id; each goes to the shard with the least
///   time so far, ties to the lower shard number. An id the record does not know is estimated at the
///   mean of the known ones (1 second when none is known).
///
/// A scenario is a unit: it never spans shards, and every id lands in exactly one.
public struct ShardPlanner: Sendable {
    /// Measured seconds per scenario id; empty for the round-robin split.
    public var durations: [String: Double]

    /// A planner; `durations` from ``RecordDurations`` balances by time.
    public init(durations: [String: Double] = [:]) {
        self.durations = durations
    }

    /// `round-robin` or `durations`: how the split was made (written to the run record).
    public var strategy: String { durations.isEmpty ? "round-robin" : "durations" }

    /// The estimated seconds of each id (measured, or the estimate for unknown ones); empty without durations.
    public func estimates(for ids: [String]) -> [String: Double] {
        guard !durations.isEmpty else { return [:] }
        let known = durations.values.filter { $0.isFinite && $0 >= 0 }
        let fallback = known.isEmpty ? 1 : known.reduce(0, +) / Double(known.count)
        var result: [String: Double] = [:]
        for id in ids {
            let measured = durations[id]
            result[id] = measured.map { $0.isFinite && $0 >= 0 ? $0 : fallback } ?? fallback
        }
        return result
    }

    /// The shard number (1…`total`) of every id in `ids` (duplicates count once).
    public func assignment(of ids: [String], total: Int) -> [String: Int] {
        let unique = Array(Set(ids)).sorted(by: Self.byteOrder)
        var result: [String: Int] = [:]
        if durations.isEmpty {
            for (position, id) in unique.enumerated() { result[id] = position % total + 1 }
            return result
        }
        let estimate = estimates(for: unique)
        let ordered = unique.sorted { left, right in
            let (a, b) = (estimate[left] ?? 0, estimate[right] ?? 0)
            return a != b ? a > b : Self.byteOrder(left, right)
        }
        var load = [Double](repeating: 0, count: total)
        for id in ordered {
            var lightest = 0
            for shard in 1..<total where load[shard] < load[lightest] { lightest = shard }
            load[lightest] += estimate[id] ?? 0
            result[id] = lightest + 1
        }
        return result
    }

    /// The ids of `ids` that belong to `shard`, in their given order.
    public func ids(of ids: [String], in shard: Shard) -> [String] {
        let assigned = assignment(of: ids, total: shard.total)
        return ids.filter { assigned[$0] == shard.index }
    }

    /// Orders strings by their UTF-8 bytes (not by locale).
    static func byteOrder(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
