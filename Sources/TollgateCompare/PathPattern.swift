/// A pattern over difference paths in rules and approval files: `*` matches within one step of a path
/// (not across `/`, `.` or `[`), `**` matches anything, every other character is itself. A pattern covers
/// the paths it matches and everything under them (`/Task/Links` covers `/Task/Links/Link/@Href`).
struct PathPattern: Sendable {
    private enum Token: Equatable {
        case character(Character)
        case star
        case doubleStar
    }

    /// The pattern as written.
    let text: String
    private let tokens: [Token]

    /// Reads `text`; every pattern is valid.
    init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == "*" {
                if characters.first == "*" {
                    characters.removeFirst()
                    tokens.append(.doubleStar)
                } else {
                    tokens.append(.star)
                }
            } else {
                tokens.append(.character(character))
            }
        }
        self.tokens = tokens
    }

    /// True when `path` is matched or lies under a match.
    func covers(_ path: String) -> Bool {
        let characters = Array(path)
        // reachable[i]: the tokens so far can match characters[0..<i]. One pass per token.
        var reachable = [Bool](repeating: false, count: characters.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: characters.count + 1)
            for index in 0...characters.count where reachable[index] {
                switch token {
                case .character(let expected):
                    if index < characters.count, characters[index] == expected { next[index + 1] = true }
                case .star:
                    next[index] = true
                    var end = index
                    while end < characters.count, !Self.boundaries.contains(characters[end]) {
                        end += 1
                        next[end] = true
                    }
                case .doubleStar:
                    for end in index...characters.count { next[end] = true }
                }
            }
            reachable = next
        }
        for index in 0...characters.count where reachable[index] {
            if index == characters.count || Self.boundaries.contains(characters[index]) { return true }
        }
        return false
    }

    private static let boundaries: Set<Character> = ["/", ".", "["]
}
