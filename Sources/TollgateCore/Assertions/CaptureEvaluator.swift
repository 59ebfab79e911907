import Foundation
import TollgateXML

/// Takes a step's captures from a response.
///
/// A capture that finds nothing (missing header, no regex match, an XPath whose `string()` is empty) is a
/// failure: later steps would otherwise send `{{job_url}}` as an empty string and fail confusingly.
enum CaptureEvaluator {
    /// One captured value.
    struct Value: Sendable, Equatable {
        /// The variable name.
        var name: String
        /// The captured text.
        var value: String
        /// True when the value must be masked everywhere.
        var isSecret: Bool
    }

    /// Why captures could not be taken.
    enum Problem: Error, Sendable, Equatable {
        /// The response lacks what the capture looks for (a failure of the server's answer).
        case notFound(message: String, location: SourceLocation)
        /// The body cannot be read as the capture needs (the server could not be tested).
        case unusable(message: String, location: SourceLocation)
    }

    /// Every capture's value, in order, or the first problem.
    static func evaluate(
        _ captures: [Capture], response: ReceivedResponse, variables: [String: String] = [:]
    ) throws(Problem) -> [Value] {
        var values: [Value] = []
        for capture in captures {
            let text = try value(of: capture, in: response, variables: variables)
            values.append(Value(name: capture.name, value: text, isSecret: capture.isSecret))
        }
        return values
    }

    private static func value(
        of capture: Capture, in response: ReceivedResponse, variables: [String: String]
    ) throws(Problem) -> String {
        let subject = "capture `\(capture.name)`"
        switch capture.source {
        case .header(let name):
            guard let value = response.header(name), !value.isEmpty else {
                throw .notFound(message: "\(subject): the response has no \(name) header", location: capture.location)
            }
            return value
        case .xpath(let query), .json(let query):
            let kind: UnusableBody.BodyKind
            if case .json = capture.source { kind = .json } else { kind = .xml }
            let results: [Result<XPathValue, XMLError>]
            do {
                results = try BodyQuery.evaluate([query.expression], in: response.body, as: kind, variables: variables)
            } catch {
                throw .unusable(message: "\(subject): \(error.message)", location: capture.location)
            }
            let label = kind == .xml ? "xpath" : "json"
            switch results.first {
            case .success(let value)?:
                guard !value.stringValue.isEmpty else {
                    throw .notFound(
                        message: "\(subject): \(label) \(query.source) found nothing (empty string)",
                        location: capture.location)
                }
                return value.stringValue
            case .failure(let error)?:
                throw .notFound(
                    message: "\(subject): \(label) \(query.source) could not be evaluated: \(error)",
                    location: capture.location)
            case nil:
                throw .notFound(message: "\(subject): no result", location: capture.location)
            }
        case .regex(let expression, let group):
            let pattern = expression.pattern
            guard let regex = expression.compiled else {
                throw .notFound(message: "\(subject): invalid regular expression /\(pattern)/", location: capture.location)
            }
            let text = response.text
            guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text))
            else {
                throw .notFound(message: "\(subject): /\(pattern)/ does not match the body", location: capture.location)
            }
            guard group >= 0, group < match.numberOfRanges, let range = Range(match.range(at: group), in: text) else {
                throw .notFound(
                    message: "\(subject): /\(pattern)/ has no group \(group) in its match", location: capture.location)
            }
            return String(text[range])
        }
    }
}
