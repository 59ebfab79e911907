import TollgateXML

/// Checks a response against everything a step expects: status, headers, body text, XPath on XML,
/// XPath on the JSON mapping, and an XSD. Every expectation is evaluated, so a finding lists all that failed.
///
/// An unusable body (not XML where XPath needs XML) is an error, not a failure — unless something the
/// server clearly got wrong (status, headers, body text) already failed: then the answer is wrong and
/// the unusable body is mentioned in the notes.
struct ExpectationEvaluator: Sendable {
    /// XSDs loaded once per run.
    let schemas: SchemaCache

    /// The verdict on `response`; `variables` are bound to `$name` references in XPath queries.
    func evaluate(
        _ expect: Expectations, response: ReceivedResponse, variables: [String: String] = [:]
    ) -> ExpectationVerdict {
        assess(expect, response: response, variables: variables).verdict
    }

    /// The verdict on `response` and the result of every expectation, passing ones too, in the order
    /// they are checked: status, headers, body, xpath, json, schema.
    func assess(
        _ expect: Expectations, response: ReceivedResponse, variables: [String: String] = [:]
    ) -> (verdict: ExpectationVerdict, assertions: [AssertionResult]) {
        var failures: [ExpectationFailure] = []
        var results: [AssertionResult] = []
        var problem: (message: String, location: SourceLocation)?
        var notes: [String] = []

        if let status = expect.status, !status.value.isEmpty {
            let expected = Self.describeStatuses(status.value)
            let holds = status.value.contains(response.status)
            results.append(AssertionResult(
                kind: .status, subject: "status", expected: expected, actual: String(response.status), passed: holds,
                location: status.location))
            if !holds {
                failures.append(
                    ExpectationFailure(
                        message: "expected status \(expected), got \(response.status)", location: status.location))
            }
        }
        for header in expect.headers {
            let (result, failure) = Self.assess(header, in: response)
            results.append(result)
            if let failure { failures.append(failure) }
        }
        if !expect.body.isEmpty {
            let text = XPathValue.string(response.text)
            for check in expect.body {
                let (holds, shown) = PredicateEvaluator.evaluate(check.predicate, on: text)
                results.append(AssertionResult(
                    kind: .body, subject: "body", expected: shown.expected, actual: shown.actual, passed: holds,
                    location: check.location))
                if !holds {
                    failures.append(ExpectationFailure(message: "body: \(shown.text)", location: check.location))
                }
            }
        }
        for (assertions, kind) in [(expect.xpath, UnusableBody.BodyKind.xml), (expect.json, .json)]
        where !assertions.isEmpty {
            do {
                let assessed = try Self.assess(assertions, kind: kind, body: response.body, variables: variables)
                failures += assessed.failures
                results += assessed.results
            } catch {
                problem = problem ?? (error.message, assertions[0].location)
                results += assertions.map { assertion in
                    AssertionResult(
                        kind: kind == .xml ? .xpath : .json, subject: assertion.query.source,
                        expected: PredicateEvaluator.evaluate(assertion.predicate, on: .nodeSet([])).shown.expected,
                        actual: "not checked: \(error.message)", passed: false, location: assertion.location)
                }
            }
        }
        if let schema = expect.schema {
            let name = schema.value.split(separator: "/").last.map(String.init) ?? schema.value
            var actual = "valid"
            switch schemas.validate(response.body, against: schema.value) {
            case .valid:
                break
            case .invalid(let violations):
                let count = violations.count == 1 ? "1 violation" : "\(violations.count) violations"
                actual = count
                failures.append(
                    ExpectationFailure(
                        message: "schema: the body does not validate against \(name) (\(count))",
                        location: schema.location))
                notes += violations
            case .unusableBody(let unusable):
                actual = "not checked: \(unusable.message)"
                problem = problem ?? (unusable.message, schema.location)
            case .schemaUnreadable(let message):
                actual = "not checked: \(message)"
                problem = problem ?? (message, schema.location)
            }
            results.append(AssertionResult(
                kind: .schema, subject: schema.value, expected: "valid against \(name)", actual: actual,
                passed: actual == "valid", location: schema.location))
        }

        if !failures.isEmpty {
            if let problem { notes.append("not checked: \(problem.message)") }
            return (.failed(failures, notes: notes), results)
        }
        if let problem {
            return (.errored(message: problem.message, location: problem.location, notes: notes), results)
        }
        return (.passed, results)
    }

    /// `202`, `200 or 204`, `200, 201 or 204`.
    static func describeStatuses(_ statuses: [Int]) -> String {
        let texts = statuses.map(String.init)
        guard let last = texts.last, texts.count > 1 else { return texts.first ?? "" }
        return texts.dropLast().joined(separator: ", ") + " or " + last
    }

    /// A header check; a missing header fails every predicate but `exists: false`.
    static func assess(
        _ header: HeaderExpectation, in response: ReceivedResponse
    ) -> (result: AssertionResult, failure: ExpectationFailure?) {
        func result(_ expected: String, _ actual: String, _ passed: Bool) -> AssertionResult {
            AssertionResult(
                kind: .header, subject: header.name, expected: expected, actual: actual, passed: passed,
                location: header.location)
        }
        guard let value = response.header(header.name) else {
            let onNothing = PredicateEvaluator.evaluate(header.predicate, on: .nodeSet([]))
            if header.predicate == .exists(false) {
                return (result(onNothing.shown.expected, "no such header", true), nil)
            }
            let expected = onNothing.holds ? "a value" : onNothing.shown.expected
            return (
                result(expected, "no such header", false),
                ExpectationFailure(
                    message: "header \(header.name): expected \(expected), got no such header", location: header.location)
            )
        }
        let (holds, shown) = PredicateEvaluator.evaluate(header.predicate, on: .string(value))
        let failure = holds ? nil : ExpectationFailure(message: "header \(header.name): \(shown.text)", location: header.location)
        return (result(shown.expected, shown.actual, holds), failure)
    }

    /// XPath assertions on the body read as `kind`; throws when the body cannot be read that way.
    static func assess(
        _ assertions: [Assertion], kind: UnusableBody.BodyKind, body: [UInt8], variables: [String: String] = [:]
    ) throws(UnusableBody) -> (failures: [ExpectationFailure], results: [AssertionResult]) {
        let values = try BodyQuery.evaluate(
            assertions.map(\.query.expression), in: body, as: kind, variables: variables)
        let label = kind == .xml ? "xpath" : "json"
        var failures: [ExpectationFailure] = []
        var results: [AssertionResult] = []
        for (assertion, value) in zip(assertions, values) {
            let subject = "\(label) \(assertion.query.source)"
            func result(_ expected: String, _ actual: String, _ passed: Bool) -> AssertionResult {
                AssertionResult(
                    kind: kind == .xml ? .xpath : .json, subject: assertion.query.source, expected: expected,
                    actual: actual, passed: passed, location: assertion.location)
            }
            switch value {
            case .failure(let error):
                let expected = PredicateEvaluator.evaluate(assertion.predicate, on: .nodeSet([])).shown.expected
                results.append(result(expected, "could not evaluate: \(error)", false))
                failures.append(
                    ExpectationFailure(message: "\(subject): could not evaluate: \(error)", location: assertion.location))
            case .success(let value):
                let (holds, shown) = PredicateEvaluator.evaluate(assertion.predicate, on: value)
                results.append(result(shown.expected, shown.actual, holds))
                if !holds {
                    failures.append(ExpectationFailure(message: "\(subject): \(shown.text)", location: assertion.location))
                }
            }
        }
        return (failures, results)
    }
}
