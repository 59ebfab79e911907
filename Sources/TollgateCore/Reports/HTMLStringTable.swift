/// The strings the HTML report stores once: a repeated text (a header, a URL, a body) is written the
/// first time into the table and referred to by its index everywhere. Bounded: past ``maximumEntries``
/// entries or ``maximumCharacters`` characters in all, new texts are written in place, so memory stays
/// bounded however long the run.
struct HTMLStringTable {
    /// The most entries the table keeps.
    static let maximumEntries = 100_000
    /// The most characters the table keeps, all entries together.
    static let maximumCharacters = 16 << 20
    /// Texts shorter than this are written in place (an index would not be shorter).
    static let shortestInterned = 4

    private var indexes: [String: Int] = [:]
    /// The texts in index order.
    private(set) var entries: [String] = []
    private var characters = 0

    /// The index of `text` in the table (adding it if there is room), or nil when it is written in place.
    mutating func index(of text: String) -> Int? {
        if let index = indexes[text] { return index }
        let count = text.utf8.count
        guard count >= Self.shortestInterned, entries.count < Self.maximumEntries,
            characters + count <= Self.maximumCharacters
        else { return nil }
        let index = entries.count
        indexes[text] = index
        entries.append(text)
        characters += count
        return index
    }
}
