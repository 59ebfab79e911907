/// Masking again what was recorded before a secret became known (a `secret: true` capture learns its
/// value from a response that is already recorded).
extension ExchangeRecorder {
    /// The step reports with every recorded text passed through the masker again.
    static func remask(_ steps: [StepReport], masker: SecretMasker) -> [StepReport] {
        steps.map { step in
            var step = step
            step.exchanges = step.exchanges.map { remask($0, masker: masker) }
            step.outcome = remask(step.outcome, masker: masker)
            step.assertions = step.assertions.map { remask($0, masker: masker) }
            step.captures = step.captures.map { CapturedValue(name: $0.name, value: masker($0.value), isSecret: $0.isSecret) }
            return step
        }
    }

    /// The outcome with its finding masked again.
    static func remask(_ outcome: Outcome, masker: SecretMasker) -> Outcome {
        switch outcome {
        case .failed(let finding): return .failed(remask(finding, masker: masker))
        case .errored(let finding): return .errored(remask(finding, masker: masker))
        case .passed, .skipped, .notRun: return outcome
        }
    }

    /// The assertion result masked again.
    static func remask(_ assertion: AssertionResult, masker: SecretMasker) -> AssertionResult {
        var assertion = assertion
        assertion.subject = masker(assertion.subject)
        assertion.expected = masker(assertion.expected)
        assertion.actual = masker(assertion.actual)
        return assertion
    }

    /// The finding masked again.
    static func remask(_ finding: Finding, masker: SecretMasker) -> Finding {
        var finding = finding
        finding.message = masker(finding.message)
        finding.notes = finding.notes.map { masker($0) }
        finding.exchange = finding.exchange.map { remask($0, masker: masker) }
        if var diagnostic = finding.diagnostic {
            diagnostic.message = masker(diagnostic.message)
            diagnostic.sourceLine = diagnostic.sourceLine.map { masker($0) }
            finding.diagnostic = diagnostic
        }
        return finding
    }

    /// The exchange masked again.
    static func remask(_ exchange: Exchange, masker: SecretMasker) -> Exchange {
        var exchange = exchange
        exchange.request.url = masker(exchange.request.url)
        exchange.request.headers = exchange.request.headers.map { HeaderField(name: $0.name, value: masker($0.value)) }
        exchange.request.body = exchange.request.body.map { remask($0, masker: masker) }
        if var response = exchange.response {
            response.reason = masker(response.reason)
            response.headers = response.headers.map { HeaderField(name: $0.name, value: masker($0.value)) }
            response.body = remask(response.body, masker: masker)
            exchange.response = response
        }
        exchange.note = exchange.note.map { masker($0) }
        exchange.pollState = exchange.pollState.map { masker($0) }
        return exchange
    }

    /// The body masked again; a body that held a newly learned secret loses its hash (taken before).
    static func remask(_ body: RecordedBody, masker: SecretMasker) -> RecordedBody {
        var body = body
        let masked = masker(body.text)
        if masked != body.text {
            body.text = masked
            body.sha256 = nil
        }
        return body
    }
}
