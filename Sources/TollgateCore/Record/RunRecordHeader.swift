import Foundation

/// What the run record says before its scenarios: the format, the tool, when and how the run started,
/// the server under test and the scenario files (`Schemas/run-record.schema.json`).
public struct RunRecordHeader: Codable, Sendable, Equatable {
    /// The value of `format` in every run record.
    public static let formatName = "tollgate-run-record"
    /// The record format's version: raised when a field changes meaning or disappears (README: "The run record").
    public static let currentFormatVersion = 1

    /// Always ``formatName``.
    public var format: String
    /// The record format's version.
    public var formatVersion: Int
    /// The program that wrote the record.
    public var tool: Tool
    /// When the run started (RFC 3339, UTC, milliseconds).
    public var startedAt: String
    /// The command line, secrets masked.
    public var commandLine: [String]
    /// The server under test.
    public var target: Target
    /// Every scenario file loaded, in load order.
    public var suites: [SuiteFile]
    /// Which shard this run was, when run with `--shard` (absent otherwise).
    public var shard: ShardRecord?

    /// The program that wrote a record.
    public struct Tool: Codable, Sendable, Equatable {
        /// `tollgate`.
        public var name: String
        /// Its version.
        public var version: String
    }

    /// The server under test.
    public struct Target: Codable, Sendable, Equatable {
        /// The base URL the requests went to.
        public var baseURL: String
        /// True when it was the built-in Enterprise Manager.
        public var builtIn: Bool
    }

    /// One scenario file.
    public struct SuiteFile: Codable, Sendable, Equatable {
        /// The path as given.
        public var file: String
        /// The suite's name.
        public var name: String
        /// SHA-256 (lower-case hex) of the file's bytes as loaded.
        public var sha256: String
        /// How many scenarios the file holds (before tag selection).
        public var scenarios: Int
    }

    /// The header of a run over `suites` against `baseURL`.
    public init(
        startedAt: Date, commandLine: [String], baseURL: String, builtIn: Bool, suites: [Suite], masker: SecretMasker
    ) {
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        tool = Tool(name: "tollgate", version: ToolVersion.current)
        self.startedAt = TimeFormatting.iso8601(startedAt)
        self.commandLine = CommandLineMasking.masked(commandLine, masker: masker)
        target = Target(baseURL: masker(baseURL), builtIn: builtIn)
        self.suites = suites.map {
            SuiteFile(file: $0.file, name: masker($0.name), sha256: $0.contentSHA256, scenarios: $0.scenarios.count)
        }
    }
}
