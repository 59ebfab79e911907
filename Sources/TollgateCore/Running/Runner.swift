import Foundation

/// Runs suites against a server: logs on once, asks the server who it is, runs the selected scenarios
/// (up to `jobs` at a time), logs off, and returns every outcome in input order.
///
/// The runner is protocol-neutral: the logon, the token, the logoff, the fingerprint, poll hints and
/// error bodies come from the configuration's ``ProfileChoice`` (see ``ProtocolProfile``).
/// It never prints and never throws; every problem becomes an outcome. All texts in the report
/// and in events are masked with the runner's ``SecretMasker``.
public struct Runner: Sendable {
    /// How long the logoff may take when the run was interrupted (the run must end within a second).
    static let interruptedLogoffTimeout: Duration = .milliseconds(700)
    /// The longest a normal logoff may take.
    static let logoffTimeout: Duration = .seconds(10)
    /// The longest one fingerprint probe may take.
    static let probeTimeout: Duration = .seconds(5)

    /// The run's settings.
    public let configuration: RunConfiguration
    /// Masks secrets everywhere; the reporters should use the same instance.
    public let masker: SecretMasker

    /// Creates a runner.
    public init(configuration: RunConfiguration, masker: SecretMasker) {
        self.configuration = configuration
        self.masker = masker
    }

    /// Checks what would otherwise fail later: the base URL's shape and the `--cacert` file.
    public static func validate(_ configuration: RunConfiguration) throws(RunConfigurationError) {
        let base = configuration.baseURL
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else {
            throw RunConfigurationError(
                "--base-url \(base): not an http:// or https:// URL (e.g. https://em.example.com:9398)")
        }
        guard let host = url.host, !host.isEmpty else {
            throw RunConfigurationError("--base-url \(base): the URL has no host name")
        }
        if let port = url.port, !(1...65535).contains(port) {
            throw RunConfigurationError("--base-url \(base): port \(port) is outside 1…65535")
        }
        if url.user != nil || url.password != nil {
            // Credentials in a URL end up in shell history and CI logs.
            throw RunConfigurationError(
                "--base-url must not carry credentials; use --user and the password environment variable")
        }
        if url.query != nil || url.fragment != nil {
            throw RunConfigurationError("--base-url \(base): remove the query or fragment; steps add their own")
        }
        if configuration.jobs < 1 {
            throw RunConfigurationError("--jobs \(configuration.jobs): must be at least 1")
        }
        if configuration.requestTimeout <= .zero {
            throw RunConfigurationError("--timeout must be longer than zero")
        }
        if configuration.tls.insecure, configuration.tls.caCertificatePath != nil {
            throw RunConfigurationError("--insecure and --cacert contradict each other; use one")
        }
        if let path = configuration.tls.caCertificatePath {
            _ = try HTTPTransport.loadCertificates(path)
        }
    }

    /// Runs the suites. Every selected scenario is handed to `events` once, as `.scenarioFinished`, when it
    /// ends (and is not kept: the reporters stream it out); scenarios the tag filter does not admit are left
    /// out. On task cancellation the run returns promptly: the scenarios not finished become
    /// `.notRun(reason: "interrupted")`, and the logoff is still attempted briefly.
    public func run(_ suites: [Suite], events: @escaping @Sendable (RunEvent) -> Void) async -> RunReport {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        if let credentials = configuration.credentials {
            masker.addBasicCredentials(user: credentials.user, password: credentials.password)
        }

        let selected: [Suite] = suites.compactMap { suite in
            var kept = suite
            kept.scenarios = suite.scenarios.filter { configuration.tagFilter.admits($0.tags) }
            return kept.scenarios.isEmpty ? nil : kept
        }
        let plan = selected.indices.flatMap { suiteIndex in
            selected[suiteIndex].scenarios.indices.map { PlannedScenario(suite: suiteIndex, scenario: $0) }
        }
        // Only whether each scenario finished and the tally are kept; the reports go to `events` and are dropped.
        var finished = [Bool](repeating: false, count: plan.count)
        var tally = Tally()
        func scenario(_ item: PlannedScenario) -> Scenario { selected[item.suite].scenarios[item.scenario] }
        func handOver(_ index: Int, _ report: ScenarioReport) {
            var report = report
            report.ordinal = index
            finished[index] = true
            tally.add(report.outcome)
            events(.scenarioFinished(report))
        }
        func finish(_ index: Int, _ outcome: Outcome) {
            let item = plan[index]
            handOver(index, Self.report(for: scenario(item), in: selected[item.suite], outcome: outcome))
        }

        // Skipped scenarios send nothing.
        for index in plan.indices {
            if let reason = scenario(plan[index]).skipReason { finish(index, .skipped(reason: masker(reason))) }
        }
        let runnable = plan.indices.filter { !finished[$0] }

        let transport: HTTPTransport
        do {
            transport = try HTTPTransport(configuration: configuration)
        } catch {
            let finding = Finding(message: masker(error.message))
            for index in runnable { finish(index, .errored(finding)) }
            return RunReport(startedAt: startedAt, duration: clock.now - start, tally: tally)
        }

        // Log on once, if any scenario to run uses the shared session.
        let profile = configuration.profile.profile
        let sessions = SessionManager(
            profile: profile, configuration: configuration, transport: transport, masker: masker)
        var session: RunSession?
        var logonFailure: Finding?
        var interrupted = false
        if sessions.logsOn,
            runnable.contains(where: { scenario(plan[$0]).session == .shared })
        {
            do {
                session = try await sessions.logOn()
                events(.loggedOn)
            } catch {
                switch error {
                case .failed(let finding):
                    logonFailure = finding
                    events(.logonFailed(finding))
                case .cancelled:
                    interrupted = true
                }
            }
        }

        // Ask the server who it is (with the session, when there is one), before any scenario runs.
        var fingerprint = Fingerprint()
        if !interrupted, !runnable.isEmpty {
            let client = ProbeClient(
                baseURL: configuration.baseURL, transport: transport,
                timeout: min(configuration.requestTimeout, Self.probeTimeout))
            let found = await profile.fingerprint(using: client, session: session)
            fingerprint = Fingerprint(
                facts: found.facts.map { .init(name: masker($0.name), value: masker($0.value)) },
                notes: found.notes.map { masker($0) })
            events(.fingerprinted(fingerprint))
        }

        let context = RunContext(
            configuration: configuration, transport: transport, masker: masker, profile: profile, session: session,
            evaluator: ExpectationEvaluator(schemas: SchemaCache()))
        var queue: [Int] = []
        for index in runnable {
            if let logonFailure, scenario(plan[index]).session == .shared {
                finish(index, .errored(logonFailure))
            } else {
                queue.append(index)
            }
        }

        var stopReason: String? = interrupted ? StepExecution.interrupted : nil
        if stopReason == nil {
            await withTaskGroup(of: (Int, ScenarioReport).self) { group in
                var next = 0
                func startNext() {
                    let index = queue[next]
                    next += 1
                    let item = plan[index]
                    let suite = selected[item.suite]
                    let execution = ScenarioExecution(suite: suite, scenario: scenario(item), context: context)
                    events(.scenarioStarted(name: masker(execution.scenario.name), suite: masker(suite.name)))
                    group.addTask(executorPreference: context.transport.executor(for: index)) {
                        (index, await execution.run())
                    }
                }
                while next < queue.count, next < max(1, configuration.jobs) { startNext() }
                for await (index, report) in group {
                    let outcome = report.outcome
                    handOver(index, report)
                    if Task.isCancelled {
                        stopReason = StepExecution.interrupted
                    } else if configuration.failFast, stopReason == nil {
                        switch outcome {
                        case .failed, .errored: stopReason = "not run: --fail-fast"
                        default: break
                        }
                    }
                    if stopReason == nil, next < queue.count { startNext() }
                }
            }
        }
        if Task.isCancelled { interrupted = true }
        for index in plan.indices where !finished[index] {
            finish(index, .notRun(reason: interrupted ? StepExecution.interrupted : stopReason ?? "not run"))
        }

        // Log off, also after failures and interruptions (then in a task that is not cancelled, briefly).
        if let session {
            let timeout = interrupted ? Self.interruptedLogoffTimeout : min(configuration.requestTimeout, Self.logoffTimeout)
            let result = await Task.detached { await sessions.logOff(session, timeout: timeout) }.value
            events(.loggedOff(success: result.success, message: result.message))
        }
        await Task.detached { await transport.shutdown() }.value
        return RunReport(
            startedAt: startedAt, duration: clock.now - start, interrupted: interrupted, fingerprint: fingerprint,
            tally: tally)
    }

    /// A report for a scenario that did not run its steps (skipped, not run, logon failed).
    private static func report(for scenario: Scenario, in suite: Suite, outcome: Outcome) -> ScenarioReport {
        ScenarioReport(
            id: scenario.id, name: scenario.name, suiteName: suite.name, suiteFile: suite.file,
            location: scenario.location, tags: scenario.tags, startedAt: Date(), duration: .zero, outcome: outcome,
            steps: [])
    }
}
