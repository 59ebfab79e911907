import Testing
import TollgateCore

/// The shard split: valid K/N only, every id in exactly one shard, the same split every time, balanced
/// by count without durations and by time with them; `--shard auto` from each CI's variables.
@Suite("Sharding")
struct ShardPlannerTests {
    private let ids = (1...23).map { "suite/scenario-\($0)" }

    @Test("K/N parses; anything else is an error naming the value", arguments: ["0/4", "5/4", "1/0", "a/b", "2", "1/2/3", "-1/4", ""])
    func invalidShards(_ text: String) {
        #expect(throws: ShardError.self) { try Shard(parsing: text) }
    }

    @Test("valid K/N")
    func validShards() throws {
        #expect(try Shard(parsing: "1/1") == Shard(index: 1, total: 1))
        #expect(try Shard(parsing: "4/4").description == "4/4")
    }

    @Test("round-robin: every id in exactly one shard, sizes differ by at most one, order of input irrelevant", arguments: [1, 2, 3, 4, 7, 30])
    func roundRobin(_ total: Int) throws {
        let planner = ShardPlanner()
        var seen: [String] = []
        var sizes: [Int] = []
        for index in 1...total {
            let part = planner.ids(of: ids, in: try Shard(index: index, total: total))
            seen += part
            sizes.append(part.count)
            #expect(planner.ids(of: ids.reversed(), in: try Shard(index: index, total: total)).sorted() == part.sorted())
        }
        #expect(seen.sorted() == ids.sorted())
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test("round-robin deals the byte-sorted ids in turn")
    func roundRobinOrder() throws {
        let assigned = ShardPlanner().assignment(of: ["b", "a", "d", "c", "e"], total: 2)
        #expect(assigned == ["a": 1, "b": 2, "c": 1, "d": 2, "e": 1])
    }

    @Test("durations: longest first onto the least loaded shard, ties by id and lower shard")
    func durations() throws {
        let planner = ShardPlanner(durations: ["a": 10, "b": 6, "c": 5, "d": 4, "e": 1])
        #expect(planner.strategy == "durations")
        // a(10)→1; b(6)→2; c(5)→2 (6<10); d(4)→1 (10<11); e(1)→2 (11<14).
        #expect(planner.assignment(of: ["e", "d", "c", "b", "a"], total: 2) == ["a": 1, "b": 2, "c": 2, "d": 1, "e": 2])
        // Equal times: by id onto the lower shard first.
        let even = ShardPlanner(durations: ["x": 1, "y": 1, "z": 1])
        #expect(even.assignment(of: ["z", "y", "x"], total: 3) == ["x": 1, "y": 2, "z": 3])
    }

    @Test("durations: an unknown id is estimated at the mean of the known ones")
    func unknownDurations() {
        let planner = ShardPlanner(durations: ["a": 2, "b": 4])
        #expect(planner.estimates(for: ["a", "new"]) == ["a": 2, "new": 3])
        let assigned = planner.assignment(of: ids + ["a", "b"], total: 3)
        #expect(Set(assigned.keys) == Set(ids + ["a", "b"]))
    }

    @Test("--shard auto: the GitHub pair, GitLab parallel and a Kubernetes Indexed Job")
    func environment() throws {
        #expect(try ShardEnvironment.shard(from: ["TOLLGATE_SHARD_INDEX": "2", "TOLLGATE_SHARD_TOTAL": "4"]) == Shard(index: 2, total: 4))
        #expect(try ShardEnvironment.shard(from: ["CI_NODE_INDEX": "3", "CI_NODE_TOTAL": "4"]) == Shard(index: 3, total: 4))
        #expect(try ShardEnvironment.shard(from: ["JOB_COMPLETION_INDEX": "0", "TOLLGATE_SHARD_TOTAL": "4"]) == Shard(index: 1, total: 4))
        #expect(try ShardEnvironment.shard(from: ["JOB_COMPLETION_INDEX": "3", "TOLLGATE_SHARD_TOTAL": "4"]) == Shard(index: 4, total: 4))
    }

    @Test("--shard auto: missing or bad variables are errors that name them")
    func environmentErrors() {
        func message(_ environment: [String: String]) -> String {
            do {
                _ = try ShardEnvironment.shard(from: environment)
                return "no error"
            } catch {
                return error.message
            }
        }
        let none = message(["CI_NODE_TOTAL": "1"])
        for name in ["TOLLGATE_SHARD_INDEX", "TOLLGATE_SHARD_TOTAL", "CI_NODE_INDEX", "CI_NODE_TOTAL", "JOB_COMPLETION_INDEX"] {
            #expect(none.contains(name), "\(none)")
        }
        #expect(message(["CI_NODE_INDEX": "1"]).contains("CI_NODE_TOTAL is not"))
        #expect(message(["JOB_COMPLETION_INDEX": "4", "TOLLGATE_SHARD_TOTAL": "4"]).contains("counts from 0"))
        #expect(message(["TOLLGATE_SHARD_INDEX": "x", "TOLLGATE_SHARD_TOTAL": "4"]).contains("not a whole number"))
    }
}
