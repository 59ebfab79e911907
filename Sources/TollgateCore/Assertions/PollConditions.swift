import TollgateXML

/// Evaluates a poll's conditions on one attempt's body, plus cheap probes of the resource's state
/// (`State`) and result (`Result/@Success`, `Result/Message`) for notes and messages. The probes use
/// `local-name()`, so they read both XML (`em:Task`) and the JSON mapping (`/json/State`, camelCase too).
enum PollConditions {
    /// What one attempt showed.
    struct Reading: Sendable, Equatable {
        /// `until` held.
        var until: Bool
        /// `fail-when` held (false when there is none).
        var failWhen: Bool
        /// The resource's `State`, if it has one.
        var state: String?
        /// `Result/@Success` (or JSON `Result/Success`), if present.
        var success: String?
        /// `Result/Message`, if present.
        var resultMessage: String?

        /// Short note for the exchange: `until=false, State=Running`.
        var note: String {
            var parts = ["until=\(until)"]
            if failWhen { parts.append("fail-when=true") }
            if let state { parts.append("State=\(state)") }
            return parts.joined(separator: ", ")
        }
    }

    /// Why the conditions could not be evaluated.
    enum Problem: Error, Sendable, Equatable {
        /// The body cannot be read as the poll needs.
        case unusable(UnusableBody)
        /// A condition failed to evaluate (message names which).
        case evaluation(String)
    }

    private static let stateProbe = try? XPathExpression(
        "string((/*/*[local-name()='State' or local-name()='state'])[1])", namespaces: [:])
    private static let successProbe = try? XPathExpression(
        "string(((/*/*[local-name()='Result' or local-name()='result'])[1]/@Success"
            + " | (/*/*[local-name()='Result' or local-name()='result'])[1]/*[local-name()='Success' or local-name()='success'])[1])",
        namespaces: [:])
    private static let messageProbe = try? XPathExpression(
        "string((/*/*[local-name()='Result' or local-name()='result'])[1]/*[local-name()='Message' or local-name()='message'])",
        namespaces: [:])

    /// Reads the conditions and probes on `body`.
    static func read(_ poll: PollSpec, body: [UInt8], variables: [String: String] = [:]) throws(Problem) -> Reading {
        var expressions = [poll.until.expression]
        if let failWhen = poll.failWhen { expressions.append(failWhen.expression) }
        let probes = [stateProbe, successProbe, messageProbe]
        expressions += probes.compactMap { $0 }
        let results: [Result<XPathValue, XMLError>]
        do {
            results = try BodyQuery.evaluate(
                expressions, in: body, as: poll.bodyKind == .json ? .json : .xml, variables: variables)
        } catch {
            throw .unusable(error)
        }
        func condition(_ index: Int, _ label: String, _ query: XPathQuery) throws(Problem) -> Bool {
            switch results[index] {
            case .success(let value): return value.booleanValue
            case .failure(let error): throw .evaluation("poll \(label) \(query.source) could not be evaluated: \(error)")
            }
        }
        let until = try condition(0, "until", poll.until)
        var failWhen = false
        var next = 1
        if let query = poll.failWhen {
            failWhen = try condition(1, "fail-when", query)
            next = 2
        }
        func probe(_ offset: Int) -> String? {
            guard probes.allSatisfy({ $0 != nil }), next + offset < results.count,
                case .success(let value) = results[next + offset], !value.stringValue.isEmpty
            else { return nil }
            return value.stringValue
        }
        return Reading(until: until, failWhen: failWhen, state: probe(0), success: probe(1), resultMessage: probe(2))
    }
}
