import ArgumentParser
import Foundation

/// `--var NAME=VALUE` options and `TOLLGATE_VAR_NAME` environment variables, shared by `run` and `lint`.
struct VariableOptions: ParsableArguments {
    /// The prefix of environment variables that set scenario variables.
    static let environmentPrefix = "TOLLGATE_VAR_"

    @Option(name: .customLong("var"), help: ArgumentHelp("Set a scenario variable (overrides the file and the environment).", valueName: "NAME=VALUE"))
    var assignments: [String] = []

    /// Scenario variables from the environment, overridden by `--var`.
    func values(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in environment where key.hasPrefix(Self.environmentPrefix) {
            let name = String(key.dropFirst(Self.environmentPrefix.count))
            if !name.isEmpty { values[name] = value }
        }
        for assignment in assignments {
            let (name, value) = try Assignment.parse(assignment, option: "--var", form: "NAME=VALUE")
            values[name] = value
        }
        return values
    }
}
