/// One scenario in the run record (`Schemas/run-record.schema.json`, `$defs/scenario`): everything it
/// did and how it ended, with every text masked. Written as soon as the scenario finishes.
public struct ScenarioRecord: Codable, Sendable, Equatable {
    /// The stable scenario id (``ScenarioID``).
    public var id: String
    /// The scenario's name.
    public var name: String
    /// The suite's name.
    public var suite: String
    /// The scenario file, as given on the command line.
    public var file: String
    /// The line of the scenario in its file.
    public var line: Int
    /// The scenario's tags.
    public var tags: [String]
    /// How it ended.
    public var outcome: Outcome.Kind
    /// Why it was skipped or not run.
    public var reason: String?
    /// When it started (RFC 3339, UTC, milliseconds).
    public var startedAt: String
    /// How long it took, in seconds.
    public var durationSeconds: Double
    /// Why it failed or errored.
    public var finding: FindingRecord?
    /// Every step that ran, in order.
    public var steps: [StepRecord]

    /// Creates a scenario record.
    public init(
        id: String, name: String, suite: String, file: String, line: Int, tags: [String], outcome: Outcome.Kind,
        reason: String?, startedAt: String, durationSeconds: Double, finding: FindingRecord?, steps: [StepRecord]
    ) {
        self.id = id
        self.name = name
        self.suite = suite
        self.file = file
        self.line = line
        self.tags = tags
        self.outcome = outcome
        self.reason = reason
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.finding = finding
        self.steps = steps
    }
}

/// Why a scenario or step did not pass: the message, where in the scenario file, and the notes.
public struct FindingRecord: Codable, Sendable, Equatable {
    /// One line.
    public var message: String
    /// The place in the scenario file at fault, if known.
    public var location: LocationRecord?
    /// Extra lines: expected vs actual, poll attempts, schema violations, what the server said.
    public var notes: [String]
}

/// A place in a scenario file.
public struct LocationRecord: Codable, Sendable, Equatable {
    /// The file as given.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
}

/// One step of a scenario in the run record.
public struct StepRecord: Codable, Sendable, Equatable {
    /// The stable step id (`SCENARIO-ID#SECTION.N`).
    public var id: String
    /// The step's name.
    public var name: String
    /// `setup`, `step` or `teardown`.
    public var phase: String
    /// The line of the step in its file.
    public var line: Int
    /// How the step ended (`passed`, `failed`, `errored`, `skipped`, `not-run`).
    public var outcome: Outcome.Kind
    /// Why it did not run to the end (interrupted).
    public var reason: String?
    /// How long the step took, polling included, in seconds.
    public var durationSeconds: Double
    /// Why it failed or errored.
    public var finding: FindingRecord?
    /// Every request sent and what came back, in order (poll attempts included).
    public var exchanges: [ExchangeRecord]
    /// For a step with `poll:`: one entry per attempt.
    public var poll: PollRecord?
    /// Every expectation checked on the final response, passing ones too.
    public var assertions: [AssertionRecord]
    /// The values captured (secret ones masked).
    public var captures: [CaptureRecord]
}

/// One HTTP request and its response.
public struct ExchangeRecord: Codable, Sendable, Equatable {
    /// 1 for the first attempt, 2… when polling.
    public var attempt: Int
    /// Seconds from the step's start to this request's start.
    public var offsetSeconds: Double
    /// Seconds from sending the request to having the whole response.
    public var durationSeconds: Double
    /// A short note (the poll conditions' values).
    public var note: String?
    /// The request as sent.
    public var request: RequestRecord
    /// The response; absent when none came (transport error, timeout).
    public var response: ResponseRecord?
}

/// A request as sent (masked).
public struct RequestRecord: Codable, Sendable, Equatable {
    /// The HTTP method.
    public var method: String
    /// The full URL.
    public var url: String
    /// The headers, in order; secret ones (`Authorization`, `Cookie`, `X-RestSvcSessionId`…) as `***`.
    public var headers: [HeaderRecord]
    /// The body, if there was one.
    public var body: BodyRecord?
}

/// A response as received (masked).
public struct ResponseRecord: Codable, Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The reason phrase.
    public var reason: String
    /// The headers, in order; secret ones as `***`.
    public var headers: [HeaderRecord]
    /// The body (possibly empty).
    public var body: BodyRecord
}

/// A name and a value: a header line, or a fact of the server's fingerprint.
public struct HeaderRecord: Codable, Sendable, Equatable {
    /// The name as sent or received.
    public var name: String
    /// The value, masked.
    public var value: String
}

/// A body: its start as masked text, its full length and a hash.
public struct BodyRecord: Codable, Sendable, Equatable {
    /// The start of the body as text, at most 4,000 characters, secrets masked.
    public var text: String
    /// The whole body's length in bytes.
    public var length: Int
    /// True when `text` is only the start of the body.
    public var truncated: Bool
    /// SHA-256 (lower-case hex) of the whole body as masked UTF-8 text; absent when a secret learned later
    /// in the scenario was found in it.
    public var sha256: String?
}

/// The attempts of a polling step.
public struct PollRecord: Codable, Sendable, Equatable {
    /// One entry per attempt, in order.
    public var attempts: [PollAttemptRecord]
}

/// One poll attempt.
public struct PollAttemptRecord: Codable, Sendable, Equatable {
    /// 1, 2, …
    public var attempt: Int
    /// Seconds from the step's start to the attempt's start.
    public var offsetSeconds: Double
    /// Seconds the attempt's request took.
    public var durationSeconds: Double
    /// The response status; absent when no response came.
    public var status: Int?
    /// The polled resource's state (`Running`, `Finished`), when the body has one.
    public var state: String?
}

/// One expectation checked on a step's final response.
public struct AssertionRecord: Codable, Sendable, Equatable {
    /// `status`, `header`, `body`, `xpath`, `json` or `schema`.
    public var kind: String
    /// What was checked: `status`, the header name, the query, the schema file.
    public var subject: String
    /// The expected value as written.
    public var expected: String
    /// The actual value (masked).
    public var actual: String
    /// Whether it held.
    public var passed: Bool
    /// The line of the expectation in its file.
    public var line: Int
}

/// A captured value.
public struct CaptureRecord: Codable, Sendable, Equatable {
    /// The variable name.
    public var name: String
    /// The value; `***` for a secret capture.
    public var value: String
    /// True for a `secret: true` capture.
    public var secret: Bool
}
