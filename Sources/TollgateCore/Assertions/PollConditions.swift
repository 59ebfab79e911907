import TollgateXML

/// Evaluates a poll's conditions on one attempt's body, plus the profile's ``TaskHint``s (for a task:
/// its state and result) for notes and messages. Hints never decide anything.
enum PollConditions {
    /// What one attempt showed.
    struct Reading: Sendable, Equatable {
        /// One hint's value on this attempt.
        struct Hint: Sendable, Equatable {
            /// The hint's label, e.g. `State`.
            var label: String
            /// What the body said.
            var value: String
            /// True for the hint that tells how far the resource got.
            var isProgress: Bool
        }

        /// `until` held.
        var until: Bool
        /// `fail-when` held (false when there is none).
        var failWhen: Bool
        /// The hints that had a value, in the profile's order.
        var hints: [Hint] = []

        /// The progress hint (a task's `State`), if it had a value.
        var progress: Hint? { hints.first(where: \.isProgress) }

        /// Short note for the exchange: `until=false, State=Running`.
        var note: String {
            var parts = ["until=\(until)"]
            if failWhen { parts.append("fail-when=true") }
            if let progress { parts.append("\(progress.label)=\(progress.value)") }
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

    /// Reads the conditions and `hints` on `body`.
    static func read(
        _ poll: PollSpec, body: [UInt8], hints: [TaskHint] = [], variables: [String: String] = [:]
    ) throws(Problem) -> Reading {
        var expressions = [poll.until.expression]
        if let failWhen = poll.failWhen { expressions.append(failWhen.expression) }
        let usable = hints.compactMap { hint in hint.query.map { (hint, $0) } }
        expressions += usable.map(\.1)
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
        var reading = Reading(until: until, failWhen: failWhen)
        for (offset, (hint, _)) in usable.enumerated() where next + offset < results.count {
            guard case .success(let value) = results[next + offset], !value.stringValue.isEmpty else { continue }
            reading.hints.append(.init(label: hint.label, value: value.stringValue, isProgress: hint.isProgress))
        }
        return reading
    }
}
