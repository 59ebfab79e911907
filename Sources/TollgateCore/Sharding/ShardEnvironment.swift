/// `--shard auto`: the shard from the CI's own environment variables (README: "Sharding").
///
/// Looked for in this order; the first index variable present decides, and its total must be set too:
/// 1. `TOLLGATE_SHARD_INDEX` (1-based) and `TOLLGATE_SHARD_TOTAL`: a GitHub Actions matrix, or any CI;
/// 2. `CI_NODE_INDEX` (1-based) and `CI_NODE_TOTAL`: GitLab CI `parallel:`;
/// 3. `JOB_COMPLETION_INDEX` (0-based) and `TOLLGATE_SHARD_TOTAL`: a Kubernetes Indexed Job.
public enum ShardEnvironment {
    /// The shard the environment names; throws naming the variables when none is set or a value is bad.
    public static func shard(from environment: [String: String]) throws(ShardError) -> Shard {
        let sources: [(index: String, total: String, base: Int)] = [
            ("TOLLGATE_SHARD_INDEX", "TOLLGATE_SHARD_TOTAL", 1),
            ("CI_NODE_INDEX", "CI_NODE_TOTAL", 1),
            ("JOB_COMPLETION_INDEX", "TOLLGATE_SHARD_TOTAL", 0),
        ]
        for source in sources {
            guard let indexText = environment[source.index], !indexText.isEmpty else { continue }
            guard let totalText = environment[source.total], !totalText.isEmpty else {
                throw ShardError("--shard auto: \(source.index) is set but \(source.total) is not")
            }
            guard let index = Int(indexText) else {
                throw ShardError("--shard auto: \(source.index)=\(indexText) is not a whole number")
            }
            guard let total = Int(totalText) else {
                throw ShardError("--shard auto: \(source.total)=\(totalText) is not a whole number")
            }
            do {
                return try Shard(index: index - source.base + 1, total: total)
            } catch {
                throw ShardError(
                    "--shard auto: \(source.index)=\(indexText), \(source.total)=\(totalText): \(error.message)"
                        + (source.base == 0 ? " (\(source.index) counts from 0)" : ""))
            }
        }
        throw ShardError(
            "--shard auto: no shard in the environment; set TOLLGATE_SHARD_INDEX and TOLLGATE_SHARD_TOTAL, "
                + "or run under GitLab parallel (CI_NODE_INDEX, CI_NODE_TOTAL) or a Kubernetes Indexed Job "
                + "(JOB_COMPLETION_INDEX with TOLLGATE_SHARD_TOTAL)")
    }
}
