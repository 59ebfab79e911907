/// What the run record's header says about a shard: which one, how the split was made, and the whole
/// selection it was cut from, so that `tollgate merge` can prove the shards cover it exactly once.
public struct ShardRecord: Codable, Sendable, Equatable {
    /// Which shard, from 1.
    public var index: Int
    /// How many shards.
    public var total: Int
    /// `round-robin` or `durations` (``ShardPlanner/strategy``).
    public var strategy: String
    /// The ids of this shard's scenarios, in run order.
    public var planned: [String]
    /// The ids of the whole selection (every shard's), sorted by their UTF-8 bytes.
    public var selection: [String]
    /// SHA-256 of ``selection`` joined by newlines: equal in every shard of one split.
    public var selectionSHA256: String

    /// The record of `shard`, whose scenarios are `planned`, cut from `selection`.
    public init(shard: Shard, strategy: String, planned: [String], selection: [String]) {
        index = shard.index
        total = shard.total
        self.strategy = strategy
        self.planned = planned
        self.selection = Array(Set(selection)).sorted(by: ShardPlanner.byteOrder)
        selectionSHA256 = ContentHash.sha256(self.selection.joined(separator: "\n"))
    }
}
