/// Runs one step: builds the request, sends it (repeatedly when polling), checks the final response
/// and takes its captures.
///
/// Outcomes: a transport problem, an unusable body or a rejected session is `.errored`; an expectation,
/// capture or poll condition that does not hold is `.failed`; an interruption is `.notRun`.
struct StepExecution: Sendable {
    /// The run's shared state.
    let context: RunContext
    /// Builds masked findings for the step's suite.
    let findings: FindingMaker
    /// The scenario's session mode.
    let mode: SessionMode

    /// The reason recorded when the run is interrupted.
    static let interrupted = "interrupted"

    /// Runs `step`; captured values are added to `scope`.
    func run(_ step: Step, phase: StepReport.Phase, scope: inout VariableScope) async -> StepReport {
        let clock = ContinuousClock()
        let start = clock.now
        var exchanges: [Exchange] = []
        var assertions: [AssertionResult] = []
        var captured: [CapturedValue] = []
        func report(_ outcome: Outcome) -> StepReport {
            StepReport(
                id: step.id, name: findings.masker(step.name), location: step.location, phase: phase,
                duration: clock.now - start, exchanges: exchanges, outcome: outcome, polled: step.poll != nil,
                assertions: assertions, captures: captured)
        }

        let built: RequestBuilder.Built
        do {
            built = try context.builder.build(step.request, scope: scope, mode: mode)
        } catch {
            return report(.errored(findings.make(error.message, at: error.location)))
        }
        let request = built.request

        var attempt = 0
        let response: ReceivedResponse
        while true {
            attempt += 1
            let sentAt = clock.now
            let received: ReceivedResponse
            do {
                received = try await context.transport.send(request)
            } catch {
                let exchange = record(request, nil, attempt, sentAt - start, clock.now - sentAt, note: nil)
                exchanges.append(exchange)
                if case .cancelled = error { return report(.notRun(reason: Self.interrupted)) }
                return report(
                    .errored(
                        findings.make(
                            "\(request.method) \(request.url): \(error.message)", at: step.request.location,
                            exchange: exchange)))
            }
            let duration = clock.now - sentAt

            guard let poll = step.poll else {
                exchanges.append(record(request, received, attempt, sentAt - start, duration, note: nil))
                if let rejected = sessionRejected(step, built, received, exchanges.last) { return report(rejected) }
                response = received
                break
            }

            let reading: PollConditions.Reading
            do {
                reading = try PollConditions.read(
                    poll, body: received.body, hints: context.profile.taskHints, variables: scope.values)
            } catch {
                exchanges.append(record(request, received, attempt, sentAt - start, duration, note: nil))
                if let rejected = sessionRejected(step, built, received, exchanges.last) { return report(rejected) }
                let message: String
                switch error {
                case .unusable(let unusable): message = "poll attempt \(attempt): \(unusable.message)"
                case .evaluation(let text): message = text
                }
                return report(.errored(findings.make(message, at: poll.location, exchange: exchanges.last)))
            }
            exchanges.append(record(request, received, attempt, sentAt - start, duration, note: reading.note))
            exchanges[exchanges.count - 1].pollState = reading.progress.map { findings.masker($0.value) }
            if let rejected = sessionRejected(step, built, received, exchanges.last) { return report(rejected) }

            if reading.failWhen, let failWhen = poll.failWhen {
                var notes = ["fail-when \(failWhen.source) held on attempt \(attempt) (status \(received.status))"]
                notes += reading.hints.map { "\($0.label): \($0.value)" }
                return report(
                    .failed(
                        findings.make(
                            "terminal condition \(failWhen.source) held at attempt \(attempt)", at: failWhen.location,
                            exchange: exchanges.last, notes: notes)))
            }
            if reading.until {
                response = received
                break
            }
            if clock.now.advanced(by: poll.interval) >= start.advanced(by: poll.timeout) {
                let last =
                    reading.progress.map { "last \($0.label.lowercased()) \($0.value)" }
                    ?? "last status \(received.status)"
                let attempts = attempt == 1 ? "1 attempt" : "\(attempt) attempts"
                return report(
                    .failed(
                        findings.make(
                            "poll timed out after \(TimeFormatting.message(poll.timeout)) (\(attempts), \(last))",
                            at: poll.location, exchange: exchanges.last,
                            notes: ["until \(poll.until.source) never held"])))
            }
            do {
                try await Task.sleep(for: poll.interval)
            } catch {
                return report(.notRun(reason: Self.interrupted))
            }
        }

        let expect: Expectations
        do {
            expect = try step.expect.resolvingTemplates(scope.resolve)
        } catch {
            return report(.errored(findings.make("undefined variable `\(error.name)`", at: error.location)))
        }
        let assessed = context.evaluator.assess(expect, response: response, variables: scope.values)
        assertions = assessed.assertions.map { ExchangeRecorder.remask($0, masker: context.masker) }
        switch assessed.verdict {
        case .passed:
            break
        case .failed(let failures, let extra):
            var notes = failures.dropFirst().map(\.message) + extra  // the first is the headline
            if response.status >= 400, let said = context.profile.serverMessage(in: response.body) {
                notes.append("server said: \(said)")
            }
            let first = failures[0]
            return report(.failed(findings.make(first.message, at: first.location, exchange: exchanges.last, notes: notes)))
        case .errored(let message, let location, let notes):
            return report(.errored(findings.make(message, at: location, exchange: exchanges.last, notes: notes)))
        }

        do {
            for value in try CaptureEvaluator.evaluate(step.captures, response: response, variables: scope.values) {
                if value.isSecret { context.masker.addMarked(value.value) }
                scope.set(value.name, value.value)
                captured.append(CapturedValue(
                    name: value.name, value: value.isSecret ? SecretMasker.mask : context.masker(value.value),
                    isSecret: value.isSecret))
            }
        } catch {
            switch error {
            case .notFound(let message, let location):
                return report(.failed(findings.make(message, at: location, exchange: exchanges.last)))
            case .unusable(let message, let location):
                return report(.errored(findings.make(message, at: location, exchange: exchanges.last)))
            }
        }
        return report(.passed)
    }

    /// `.errored` when the run's token was sent and the server answered a status the profile calls a
    /// rejection (Enterprise Manager: 401) without the step expecting it: the session expired or was
    /// refused. The runner does not log on again (no retry storm).
    private func sessionRejected(
        _ step: Step, _ built: RequestBuilder.Built, _ response: ReceivedResponse, _ exchange: Exchange?
    ) -> Outcome? {
        let strategy = context.profile.session
        guard built.sendsSessionToken, strategy.isRejection(response.status),
            !(step.expect.status?.value.contains(response.status) ?? false)
        else { return nil }
        var notes = [strategy.rejectionNote]
        if let said = context.profile.serverMessage(in: response.body) { notes.append("server said: \(said)") }
        return .errored(
            findings.make(
                "session expired or rejected (\(response.status))", at: step.request.location, exchange: exchange,
                notes: notes))
    }

    private func record(
        _ request: OutgoingRequest, _ response: ReceivedResponse?, _ attempt: Int, _ offset: Duration,
        _ duration: Duration, note: String?
    ) -> Exchange {
        context.record(request, response, attempt: attempt, offset: offset, duration: duration, note: note)
    }
}
