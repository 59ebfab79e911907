import ArgumentParser
import TollgateCore

/// The `tollgate` command: a thin layer over TollgateCore and TollgateServer.
@main
struct Tollgate: AsyncParsableCommand {
    static func main() async {
        Terminal.ignoreBrokenPipes()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as InvalidValue {
            Terminal.err("error: \(error.message)")
            exit(withError: ExitStatus.invalidInput)
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "tollgate",
        abstract: "Protocol conformance harness for the Veeam Backup Enterprise Manager REST API.",
        version: ToolVersion.current,
        subcommands: [RunCommand.self, LintCommand.self, XPathCommand.self, ServeCommand.self, CompareCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
