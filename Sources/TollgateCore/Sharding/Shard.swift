/// One shard of a run: the 1-based `index` of `total` (`--shard K/N`).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// Which shard, from 1.
    public var index: Int
    /// How many shards the selection is split into.
    public var total: Int

    /// The largest number of shards accepted.
    public static let maximumTotal = 10_000

    /// A shard; throws when `index` is not within 1…`total` or `total` is out of range.
    public init(index: Int, total: Int) throws(ShardError) {
        guard total >= 1, total <= Self.maximumTotal else {
            throw ShardError("the number of shards must be within 1…\(Self.maximumTotal), not \(total)")
        }
        guard index >= 1, index <= total else {
            throw ShardError("shard \(index) of \(total): the shard number must be within 1…\(total)")
        }
        self.index = index
        self.total = total
    }

    /// Parses `K/N` (both decimal, 1 ≤ K ≤ N).
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let total = Int(parts[1]) else {
            throw ShardError("'\(text)' is not K/N (e.g. 2/4, or auto)")
        }
        try self.init(index: index, total: total)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(total)" }
}

/// Why a shard could not be set up: one line naming the value or the variables at fault.
public struct ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, without the option name.
    public var message: String

    /// Creates the error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
