import ArgumentParser
import Foundation
import Logging
import TollgateCore
import TollgateServer

/// `tollgate run`: load, check, run against a server (the built-in one by default), report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenario files against an Enterprise Manager (the built-in one when --base-url is absent)."
    )

    /// Variables every scenario may use without declaring them.
    static let builtInVariableNames: Set<String> = ["base_url"]

    @Argument(help: "Scenario files or folders.")
    var paths: [String] = ["Specs"]

    @Option(help: "The server to test, e.g. https://em.example.com:9398. Absent: start the built-in server.")
    var baseURL: String?

    @Option(help: "Where to write the JUnit XML report.")
    var junit: String = "Reports/junit.xml"

    @Option(help: "Where to write the run record (JSON, streamed while the run goes). Default: run.json beside the JUnit report.")
    var record: String?

    /// `--record`, or `run.json` in the JUnit report's folder (`Reports/run.json` by default).
    var recordPath: String {
        if let record { return record }
        guard let slash = junit.lastIndex(of: "/") else { return "run.json" }
        return junit[...slash] + "run.json"
    }

    @Option(help: "Where to write the HTML report (one self-contained file). Default: report.html beside the JUnit report.")
    var html: String?

    @Flag(help: "Do not write the HTML report.")
    var noHtml = false

    /// `--html`, or `report.html` in the JUnit report's folder; nil with `--no-html`.
    var htmlPath: String? {
        if noHtml { return nil }
        if let html { return html }
        guard let slash = junit.lastIndex(of: "/") else { return "report.html" }
        return junit[...slash] + "report.html"
    }

    @Flag(help: "Add file/line attributes to test cases (breaks the Jenkins xUnit schema).")
    var junitFileLine = false

    @Option(help: "Run only scenarios with this tag (repeatable).")
    var tag: [String] = []

    @Option(help: "Leave out scenarios with this tag (repeatable).")
    var skipTag: [String] = []

    @Flag(help: "Exit 0 when the paths and tag filters select no scenario (by default that is exit 2).")
    var allowEmpty = false

    @Option(help: "How many scenarios run at once.")
    var jobs: Int = 1

    @Option(help: "Seconds one request may take, body included.")
    var timeout: Double = 30

    @Option(help: "Trust this PEM certificate (or bundle) for HTTPS.")
    var cacert: String?

    @Flag(help: "Do not verify TLS certificates (verification is on by default).")
    var insecure = false

    @Flag(help: "Stop starting scenarios after the first failure or error.")
    var failFast = false

    @Option(
        help: """
            The protocol profile: enterprise-manager, or declarative (the suite's session: block or tollgate.yaml). \
            Default: declarative when the files define a session, enterprise-manager otherwise.
            """)
    var profile: String?

    @Option(help: "User to log on as (once per run).")
    var user: String?

    @Option(help: "The environment variable holding the password.")
    var passwordEnv: String = "TOLLGATE_PASSWORD"

    @Option(help: "Largest response body accepted, in bytes.")
    var maxBodyBytes: Int = 16 << 20

    @Option(help: "Built-in server only: seconds a task stays Running.")
    var builtinTaskSeconds: Double = 0.2

    @Option(help: "Built-in server only: a fault rule KIND[=ARG][@METHOD:/path*] (repeatable).")
    var builtinFault: [String] = []

    @Option(help: "Built-in server only: the Enterprise Manager release to emulate (\(ServerRelease.names.joined(separator: ", "))).")
    var builtinRelease = ServerRelease.default.rawValue

    @Option(help: "Log level of the built-in server's request log (trace, debug, info, notice, warning, error).")
    var logLevel: String = "warning"

    @OptionGroup var variables: VariableOptions

    @OptionGroup var sharding: ShardOptions

    /// `--tag` and `--skip-tag` as the one filter the selection check, the shard split and the runner share.
    private var tagFilter: TagFilter { TagFilter(include: Set(tag), exclude: Set(skipTag)) }

    /// Values that parse but make no sense: exit 2 naming the flag (``InvalidValue``).
    private func checkValues() throws(InvalidValue) {
        guard jobs >= 1 else { throw InvalidValue("--jobs must be at least 1") }
        guard timeout > 0 else { throw InvalidValue("--timeout must be more than 0 seconds") }
        // Larger values (and inf) would trap when converted to a Duration below.
        guard timeout <= 86_400 else { throw InvalidValue("--timeout must be at most 86400 seconds") }
        guard maxBodyBytes > 0 else { throw InvalidValue("--max-body-bytes must be more than 0") }
        guard builtinTaskSeconds >= 0 else { throw InvalidValue("--builtin-task-seconds must not be negative") }
        guard builtinTaskSeconds <= 86_400 else { throw InvalidValue("--builtin-task-seconds must be at most 86400") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw InvalidValue("unknown --log-level '\(logLevel)'") }
        _ = try ServerRelease.parse(builtinRelease, option: "--builtin-release")
        try sharding.check()
    }

    func run() async throws {
        try checkValues()
        let masker = SecretMasker()
        let settings = try prepare(masker: masker)
        let outputs = [(junit, "the JUnit report"), (recordPath, "the run record")] + (htmlPath.map { [($0, "the HTML report")] } ?? [])
        for (path, what) in outputs {
            if let problem = JUnitReport.problemWriting(to: path, what: what) {
                Terminal.err("error: \(problem)")
                throw ExitStatus.invalidInput
            }
        }
        if let baseURL {
            try check(configuration(baseURL: baseURL, settings: settings))
        }

        let loaded = ScenarioLoader(
            options: LoadOptions(externalVariables: Set(settings.variables.keys).union(Self.builtInVariableNames))
        ).load(paths: paths)
        let diagnostics = DiagnosticRenderer(useColor: Terminal.useColor(fileDescriptor: 2))
        for diagnostic in loaded.diagnostics {
            Terminal.err(diagnostics.render(diagnostic) + "\n")
        }
        if loaded.hasErrors {
            Terminal.err("error: the scenario files are invalid; nothing was sent")
            throw ExitStatus.invalidInput
        }
        try checkSelection(loaded.suites)
        let profileChoice: ProfileChoice
        do {
            profileChoice = try ProfileChoice.select(named: profile, session: loaded.session)
        } catch {
            switch error {
            case .unknownName(let name):
                Terminal.err("error: --profile \(name): unknown profile; use \(ProfileChoice.names.joined(separator: " or "))")
            case .noSessionDefinition:
                Terminal.err(
                    "error: --profile declarative: the files define no session "
                        + "(a top-level `session:` block or a \(SessionDefinition.fileName) beside them)")
            }
            throw ExitStatus.invalidInput
        }

        let selection = try sharding.select(loaded.suites, filter: tagFilter)
        if let shard = selection.record {
            Terminal.out("Shard \(shard.index)/\(shard.total) (\(shard.strategy)): \(shard.planned.count) of \(shard.selection.count) scenarios")
        }

        var server: RunningServer?
        let target: String
        if let baseURL {
            target = baseURL
        } else {
            let started = try await startBuiltInServer(credentials: settings.credentials)
            server = started
            target = started.baseURL
            Terminal.out("Built-in Enterprise Manager listening on \(started.baseURL)")
        }
        let configuration = configuration(baseURL: target, settings: settings, profile: profileChoice)
        var header = RunRecordHeader(
            startedAt: Date(), commandLine: CommandLine.arguments, baseURL: target, builtIn: server != nil,
            suites: loaded.suites, masker: masker)
        header.shard = selection.record
        let recordWriter: RunRecordWriter?
        do {
            recordWriter = try RunRecordWriter(path: recordPath, header: header, masker: masker)
        } catch {
            Terminal.err("error: could not write the run record to \(recordPath): \(error)")
            recordWriter = nil
        }
        var htmlWriter: HTMLReportWriter?
        if let htmlPath {
            do {
                htmlWriter = try HTMLReportWriter(path: htmlPath, header: header, suites: loaded.suites, masker: masker)
            } catch {
                Terminal.err("error: could not write the HTML report to \(htmlPath): \(error)")
            }
        }
        let reporters: RunReporters
        do {
            let junitWriter = try JUnitWriter(
                path: junit, format: JUnitReport(masker: masker, includeFileAndLine: junitFileLine))
            reporters = try RunReporters(
                record: recordWriter, junit: junitWriter, html: htmlWriter,
                console: ConsoleFormatter(useColor: Terminal.useColor(fileDescriptor: 1)))
        } catch {
            Terminal.err("error: could not write the JUnit report to \(junit): \(error)")
            recordWriter?.abandon()
            htmlWriter?.abandon()
            await server?.stop()
            throw ExitStatus.invalidInput
        }
        let report = await SignalTrap.cancellingOnInterrupt {
            await runScenarios(selection.suites, configuration: configuration, masker: masker, reporters: reporters)
        }
        await server?.stop()
        try finish(report, masker: masker, reporters: reporters)
    }

    /// A selection of no scenario is not a pass: exit 2 naming the filters and the tags that exist,
    /// unless `--allow-empty`.
    private func checkSelection(_ suites: [Suite]) throws {
        let scenarios = suites.flatMap(\.scenarios)
        guard !allowEmpty, !scenarios.contains(where: { tagFilter.admits($0.tags) }) else { return }
        let known = Array(Set(scenarios.flatMap(\.tags))).sorted()
        var filters = paths.map { "path \($0)" }
        filters += tag.map { "--tag \($0)" }
        filters += skipTag.map { "--skip-tag \($0)" }
        var message = "error: no scenario selected by \(filters.joined(separator: ", "))"
        message += known.isEmpty ? "; the files define no tags" : "; the tags that exist: \(known.joined(separator: ", "))"
        for (flag, name) in tag.map({ ("--tag", $0) }) + skipTag.map({ ("--skip-tag", $0) }) where !known.contains(name) {
            if let suggestion = Suggestion.closest(to: name, in: known) {
                message += "\n  \(flag) \(name): did you mean `\(suggestion)`?"
            }
        }
        message += "\n(use --allow-empty to accept an empty selection; nothing was sent)"
        Terminal.err(message)
        throw ExitStatus.invalidInput
    }

    /// Credentials and variables, checked before anything runs.
    private func prepare(masker: SecretMasker) throws -> (credentials: Credentials?, variables: [String: String]) {
        let environment = ProcessInfo.processInfo.environment
        var credentials: Credentials?
        if let user {
            guard let password = environment[passwordEnv], !password.isEmpty else {
                Terminal.err("error: --user \(user) needs a password in the environment variable \(passwordEnv)")
                throw ExitStatus.invalidInput
            }
            credentials = Credentials(user: user, password: password)
        } else if baseURL == nil {
            // The built-in server gets a fresh random password each run; it is never shown.
            credentials = Credentials(user: "tollgate", password: UUID().uuidString)
        }
        if let credentials {
            masker.addBasicCredentials(user: credentials.user, password: credentials.password)
        }
        return (credentials, try variables.values(environment: environment))
    }

    private func configuration(
        baseURL: String, settings: (credentials: Credentials?, variables: [String: String]),
        profile: ProfileChoice = .enterpriseManager
    ) -> RunConfiguration {
        var configuration = RunConfiguration(baseURL: baseURL, profile: profile)
        configuration.credentials = settings.credentials
        configuration.variables = settings.variables
        configuration.tagFilter = tagFilter
        configuration.jobs = jobs
        configuration.requestTimeout = .milliseconds(Int64(timeout * 1000))
        configuration.tls = TLSOptions(caCertificatePath: cacert, insecure: insecure)
        configuration.failFast = failFast
        configuration.maxBodyBytes = maxBodyBytes
        return configuration
    }

    private func check(_ configuration: RunConfiguration) throws {
        do {
            try Runner.validate(configuration)
        } catch {
            Terminal.err("error: \(error)")
            throw ExitStatus.invalidInput
        }
    }

    private func startBuiltInServer(credentials: Credentials?) async throws -> RunningServer {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        if let credentials {
            configuration.users = [credentials.user: credentials.password]
        }
        configuration.taskDuration = .milliseconds(Int64(builtinTaskSeconds * 1000))
        configuration.faultHeaderEnabled = true
        configuration.release = try ServerRelease.parse(builtinRelease, option: "--builtin-release")
        do {
            configuration.faults = try builtinFault.map { try FaultRule(parsing: $0) }
        } catch {
            Terminal.err("error: --builtin-fault: \(error)")
            throw ExitStatus.invalidInput
        }
        var logger = Logger(label: "tollgate.server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        return try await EnterpriseManagerServer(configuration: configuration, logger: logger).start()
    }

    private func runScenarios(
        _ suites: [Suite], configuration: RunConfiguration, masker: SecretMasker, reporters: RunReporters
    ) async -> RunReport {
        let total = suites.reduce(0) { $0 + $1.scenarios.filter { configuration.tagFilter.admits($0.tags) }.count }
        let console = ConsoleFormatter(useColor: Terminal.useColor(fileDescriptor: 1))
        let counter = ProgressCounter()
        return await Runner(configuration: configuration, masker: masker).run(suites) { event in
            switch event {
            case .scenarioFinished(let scenario):
                reporters.add(scenario)
                Terminal.out(masker(console.scenarioLine(scenario, index: counter.next(), total: total)))
            case .fingerprinted(let fingerprint):
                let lines = console.fingerprintLines(fingerprint)
                if !lines.isEmpty { Terminal.out(masker(lines)) }
            case .logonFailed(let finding):
                Terminal.err(masker("error: \(finding.message)"))  // the message starts with "logon failed:"
            case .loggedOff(let success, let message) where !success:
                Terminal.err(masker("warning: \(message ?? "logoff failed")"))
            default:
                break
            }
        }
    }

    private func finish(_ report: RunReport, masker: SecretMasker, reporters: RunReporters) throws {
        let console = ConsoleFormatter(useColor: Terminal.useColor(fileDescriptor: 1))
        do {
            try reporters.forEachFailureDetail { Terminal.out("\n" + masker($0)) }
        } catch {
            Terminal.err("error: could not read back the failure details: \(error)")
        }
        do {
            try reporters.junit.finish(report)
            Terminal.out("\nJUnit report: \(junit)")
        } catch {
            Terminal.err("error: could not write the JUnit report to \(junit): \(error)")
        }
        let footer = RunRecordFooter(report, masker: masker)
        if let recordWriter = reporters.record {
            do {
                try recordWriter.finish(footer)
            } catch {
                Terminal.err("error: could not write the run record to \(recordPath): \(error)")
            }
        }
        if let htmlWriter = reporters.html {
            do {
                try htmlWriter.finish(footer)
                Terminal.out("HTML report: \(htmlWriter.path)")
            } catch {
                Terminal.err("error: could not write the HTML report to \(htmlWriter.path): \(error)")
            }
        }
        Terminal.out(console.summary(report))
        throw ExitStatus.forRun(report)
    }
}
