/// What the server said about itself at the start of a run: ordered name/value facts (product,
/// protocol versions, `Server` header …) and notes on what could not be found out.
///
/// The protocol profile decides which facts there are; an unreachable server gives no facts and a note.
public struct Fingerprint: Sendable, Equatable {
    /// One fact, e.g. `Server` = `nginx/1.27`.
    public struct Fact: Sendable, Equatable {
        /// The fact's name.
        public var name: String
        /// Its value as the server gave it (masked).
        public var value: String

        /// Creates a fact.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The facts, in the order the profile found them.
    public var facts: [Fact]
    /// Why a fact is missing (an unreachable server, a probe answered 404 …), one line each.
    public var notes: [String]

    /// Creates a fingerprint.
    public init(facts: [Fact] = [], notes: [String] = []) {
        self.facts = facts
        self.notes = notes
    }

    /// True when there is nothing to show.
    public var isEmpty: Bool { facts.isEmpty && notes.isEmpty }

    /// The first value of a fact, if there is one.
    public func value(_ name: String) -> String? {
        facts.first { $0.name == name }?.value
    }
}
