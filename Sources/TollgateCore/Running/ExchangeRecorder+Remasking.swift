/// Masking again what was recorded before a secret became known (a `secret: true` capture learns its
/// value from a response that is already recorded).
extension ExchangeRecorder {
    /// The step reports with every recorded text passed through the masker again.
    static func remask(_ steps: [StepReport], masker: SecretMasker) -> [StepReport] {
        steps.map { step in
            var step = step
            step.exchanges = step.exchanges.map { remask($0, masker: masker) }
            step.outcome = remask(step.outcome, masker: masker)
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
        exchange.request.bodyExcerpt = exchange.request.bodyExcerpt.map { masker($0) }
        if var response = exchange.response {
            response.reason = masker(response.reason)
            response.headers = response.headers.map { HeaderField(name: $0.name, value: masker($0.value)) }
            response.bodyExcerpt = masker(response.bodyExcerpt)
            exchange.response = response
        }
        exchange.note = exchange.note.map { masker($0) }
        return exchange
    }
}
