import Foundation
import Synchronization

/// Replaces every known secret (passwords, tokens, session ids, Basic credentials) with `***`
/// in any text that leaves the library. Shared by the runner and the reporters; safe from any thread.
///
/// Masking costs one pass over the text whatever the number of secrets: the forms of every secret are
/// compiled into a ``SecretAutomaton`` (Aho–Corasick over UTF-8 bytes), built again when a new form is
/// added. Every occurrence of every form is masked; occurrences that overlap become one mask, so a
/// longer secret is never partly revealed by a shorter one masked first, nor the other way round.
/// Building costs time linear in the total size of the forms and happens outside the lock, so masking
/// never waits for it; a run adds a few forms per logon (Benchmarks/README.md shows the effect).
public final class SecretMasker: Sendable {
    /// What a secret is replaced with.
    public static let mask = "***"
    /// Secrets shorter than this are not masked unless marked secret (masking "a" everywhere would
    /// garble output): see ``add(_:)`` and ``addMarked(_:)``.
    public static let minimumLength = 4

    private struct State {
        /// Keys (see `key(_:marked:)`) of the values whose forms are all learned.
        var added: Set<[UInt8]> = []
        var known: Set<[UInt8]> = []
        var patterns: [[UInt8]] = []
        /// Incremented whenever `patterns` grows.
        var version = 0
        var automaton = SecretAutomaton(patterns: [])
        var automatonVersion = 0
    }

    private let state = Mutex(State())

    /// Creates a masker that knows no secrets yet.
    public init() {}

    /// Adds a value learned on the way (a session token, a password), when it has at least
    /// ``minimumLength`` characters, and the forms it travels in: its base64 encoding and, for a base64
    /// token, the text it decodes to (some protocols' tokens are base64 of a session id).
    public func add(_ secret: String) {
        let key = Self.key(secret, marked: false)
        guard secret.count >= Self.minimumLength, !isAdded(key) else { return }
        learn(Self.forms(of: secret, minimumDecodedLength: Self.minimumLength), key: key)
    }

    /// Adds a value the scenario marked secret (`secret: true`): masked whatever its length, with the
    /// same forms as ``add(_:)``.
    public func addMarked(_ secret: String) {
        let key = Self.key(secret, marked: true)
        guard !secret.isEmpty, !isAdded(key) else { return }
        learn(Self.forms(of: secret, minimumDecodedLength: 1), key: key)
    }

    /// Adds `user:password` Basic credentials: the password and the encoded header value.
    public func addBasicCredentials(user: String, password: String) {
        add(password)
        add(Data("\(user):\(password)".utf8).base64EncodedString())
    }

    /// The text with every occurrence of a secret replaced by ``mask`` (overlapping ones by one mask).
    public func callAsFunction(_ text: String) -> String {
        let automaton = state.withLock { $0.automaton }
        guard !automaton.isEmpty else { return text }
        return Self.withUTF8(text) { bytes in
            let ranges = automaton.coveredRanges(in: bytes)
            guard !ranges.isEmpty else { return text }
            var masked: [UInt8] = []
            masked.reserveCapacity(bytes.count)
            var copied = 0
            for range in ranges {
                masked.append(contentsOf: bytes[copied..<range.lowerBound])
                masked.append(contentsOf: Self.mask.utf8)
                copied = range.upperBound
            }
            masked.append(contentsOf: bytes[copied...])
            // Forms are whole UTF-8 strings, so every cut falls between scalars and the bytes stay valid.
            return String(decoding: masked, as: UTF8.self)
        }
    }

    /// True when the text contains no known secret.
    public func isClean(_ text: String) -> Bool {
        let automaton = state.withLock { $0.automaton }
        return Self.withUTF8(text) { !automaton.occurs(in: $0) }
    }

    /// What `added` records for a value given to ``add(_:)`` (unmarked) or ``addMarked(_:)``.
    private static func key(_ secret: String, marked: Bool) -> [UInt8] {
        [marked ? 1 : 0] + Array(secret.utf8)
    }

    /// True when the value was added already, in the same way: a token is seen on every request.
    private func isAdded(_ key: [UInt8]) -> Bool {
        state.withLock { $0.added.contains(key) }
    }

    /// The secret, its base64 encoding and, when it is base64 of one line of text, that text.
    private static func forms(of secret: String, minimumDecodedLength: Int) -> [[UInt8]] {
        var forms = [Array(secret.utf8), Array(Data(secret.utf8).base64EncodedString().utf8)]
        if let decoded = Data(base64Encoded: secret), let text = String(data: decoded, encoding: .utf8),
            text.count >= minimumDecodedLength, text.allSatisfy({ !$0.isNewline })
        {
            forms.append(Array(text.utf8))
        }
        return forms
    }

    /// Records new forms and installs an automaton that knows them before returning. The automaton is
    /// built outside the lock; when adders race, the newest build wins (it contains every older form).
    private func learn(_ forms: [[UInt8]], key: [UInt8]) {
        let snapshot: (version: Int, patterns: [[UInt8]])? = state.withLock { state in
            state.added.insert(key)
            var grew = false
            for form in forms where state.known.insert(form).inserted {
                state.patterns.append(form)
                grew = true
            }
            guard grew else { return nil }
            state.version += 1
            return (state.version, state.patterns)
        }
        guard let snapshot else { return }
        let automaton = SecretAutomaton(patterns: snapshot.patterns)
        state.withLock { state in
            if snapshot.version > state.automatonVersion {
                state.automaton = automaton
                state.automatonVersion = snapshot.version
            }
        }
    }

    /// Runs `body` on the text's UTF-8 bytes, without copying them when the string is native.
    private static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
