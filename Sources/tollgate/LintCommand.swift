import ArgumentParser
import TollgateCore

/// `tollgate lint`: load and check scenario files; send nothing.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Load and check scenario files without sending anything."
    )

    @Argument(help: "Scenario files or folders.")
    var paths: [String] = ["Specs"]

    @OptionGroup var variables: VariableOptions

    func run() throws {
        let names = Set(try variables.values().keys).union(RunCommand.builtInVariableNames)
        let result = ScenarioLoader(options: LoadOptions(externalVariables: names)).load(paths: paths)
        let renderer = DiagnosticRenderer(useColor: Terminal.useColor(fileDescriptor: 2))
        for diagnostic in result.diagnostics {
            Terminal.err(renderer.render(diagnostic) + "\n")
        }
        if result.hasErrors {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            Terminal.err("lint: \(errors) error\(errors == 1 ? "" : "s"); nothing would be sent")
            throw ExitStatus.invalidInput
        }
        let scenarios = result.suites.reduce(0) { $0 + $1.scenarios.count }
        Terminal.out("lint: \(result.suites.count) files, \(scenarios) scenarios OK")
    }
}
