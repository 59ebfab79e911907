import ArgumentParser
import Foundation
import TollgateCore

/// `--shard K/N|auto` and `--durations RECORD`: run one deterministic part of the selection (README: "Sharding").
struct ShardOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Run only shard K of N of the selected scenarios; `auto` reads the CI's variables (README: Sharding).",
            valueName: "K/N|auto"))
    var shard: String?

    @Option(help: ArgumentHelp("Balance the shards by the scenario times in this earlier run record.", valueName: "RECORD"))
    var durations: String?

    /// The shard asked for, or nil; throws ``InvalidValue`` (exit 2) naming the value or the variables.
    func resolvedShard(environment: [String: String] = ProcessInfo.processInfo.environment) throws(InvalidValue) -> Shard? {
        guard let shard else { return nil }
        do {
            if shard == "auto" { return try ShardEnvironment.shard(from: environment) }
            return try Shard(parsing: shard)
        } catch {
            throw InvalidValue(shard == "auto" ? error.message : "--shard \(error.message)")
        }
    }

    /// The planner: balanced by `--durations` when given.
    func planner() throws(InvalidValue) -> ShardPlanner {
        guard let durations else { return ShardPlanner() }
        do {
            return ShardPlanner(durations: try RecordDurations.load(path: durations))
        } catch {
            throw InvalidValue(error.message)
        }
    }

    /// Checks the options before anything is loaded; the `--durations` file is read once, by ``select``.
    func check() throws(InvalidValue) {
        _ = try resolvedShard()
        if durations != nil, shard == nil { throw InvalidValue("--durations needs --shard") }
    }

    /// The suites cut down to this shard's scenarios among those `filter` admits, and the header's shard
    /// record; the suites unchanged and nil without `--shard`.
    func select(_ suites: [Suite], filter: TagFilter) throws(InvalidValue) -> (suites: [Suite], record: ShardRecord?) {
        guard let shard = try resolvedShard() else { return (suites, nil) }
        let planner = try planner()
        let selection = suites.flatMap { $0.scenarios.filter { filter.admits($0.tags) }.map(\.id) }
        let mine = Set(planner.ids(of: selection, in: shard))
        var kept = suites
        for index in kept.indices {
            kept[index].scenarios = kept[index].scenarios.filter { filter.admits($0.tags) && mine.contains($0.id) }
        }
        let planned = kept.flatMap { $0.scenarios.map(\.id) }
        return (kept, ShardRecord(shard: shard, strategy: planner.strategy, planned: planned, selection: selection))
    }
}
