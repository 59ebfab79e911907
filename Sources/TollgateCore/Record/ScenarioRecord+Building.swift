/// Building record entries from the runner's reports. Every text goes through the masker once more
/// (defence in depth: the runner masks already).
extension ScenarioRecord {
    /// The record entry of a finished scenario.
    public init(_ report: ScenarioReport, masker: SecretMasker) {
        self.init(
            id: report.id, name: masker(report.name), suite: masker(report.suiteName), file: report.location.file,
            line: report.location.line, tags: report.tags, outcome: report.outcome.kind,
            reason: report.outcome.reason.map { masker($0) }, startedAt: TimeFormatting.iso8601(report.startedAt),
            durationSeconds: TimeFormatting.secondsValue(report.duration),
            finding: report.outcome.finding.map { FindingRecord($0, masker: masker) },
            steps: report.steps.map { StepRecord($0, masker: masker) })
    }
}

extension FindingRecord {
    /// The record of a finding.
    init(_ finding: Finding, masker: SecretMasker) {
        message = masker(finding.message)
        location = finding.diagnostic?.location.map { LocationRecord(file: $0.file, line: $0.line, column: $0.column) }
        notes = finding.notes.map { masker($0) }
    }
}

extension StepRecord {
    /// The record of a step.
    init(_ step: StepReport, masker: SecretMasker) {
        id = step.id
        name = masker(step.name)
        phase = step.phase.rawValue
        line = step.location.line
        outcome = step.outcome.kind
        reason = step.outcome.reason.map { masker($0) }
        durationSeconds = TimeFormatting.secondsValue(step.duration)
        finding = step.outcome.finding.map { FindingRecord($0, masker: masker) }
        exchanges = step.exchanges.map { ExchangeRecord($0, masker: masker) }
        poll = step.polled
            ? PollRecord(attempts: step.exchanges.map { exchange in
                PollAttemptRecord(
                    attempt: exchange.attempt, offsetSeconds: TimeFormatting.secondsValue(exchange.offset),
                    durationSeconds: TimeFormatting.secondsValue(exchange.duration), status: exchange.response?.status,
                    state: exchange.pollState.map { masker($0) })
            }) : nil
        assertions = step.assertions.map { assertion in
            AssertionRecord(
                kind: assertion.kind.rawValue, subject: masker(assertion.subject), expected: masker(assertion.expected),
                actual: masker(assertion.actual), passed: assertion.passed, line: assertion.location.line)
        }
        captures = step.captures.map { capture in
            CaptureRecord(
                name: capture.name, value: capture.isSecret ? SecretMasker.mask : masker(capture.value),
                secret: capture.isSecret)
        }
    }
}

extension ExchangeRecord {
    /// The record of an exchange.
    init(_ exchange: Exchange, masker: SecretMasker) {
        attempt = exchange.attempt
        offsetSeconds = TimeFormatting.secondsValue(exchange.offset)
        durationSeconds = TimeFormatting.secondsValue(exchange.duration)
        note = exchange.note.map { masker($0) }
        request = RequestRecord(
            method: exchange.request.method, url: masker(exchange.request.url),
            headers: exchange.request.headers.map { HeaderRecord($0, masker: masker) },
            body: exchange.request.body.map { BodyRecord($0, masker: masker) })
        response = exchange.response.map { response in
            ResponseRecord(
                status: response.status, reason: masker(response.reason),
                headers: response.headers.map { HeaderRecord($0, masker: masker) },
                body: BodyRecord(response.body, masker: masker))
        }
    }
}

extension HeaderRecord {
    /// The record of a header line.
    init(_ field: HeaderField, masker: SecretMasker) {
        name = field.name
        value = masker(field.value)
    }
}

extension BodyRecord {
    /// The record of a body.
    init(_ body: RecordedBody, masker: SecretMasker) {
        let masked = masker(body.text)
        text = masked
        length = body.size
        truncated = body.isTruncated
        sha256 = masked == body.text ? body.sha256 : nil
    }
}
