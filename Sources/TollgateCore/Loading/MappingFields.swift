import TollgateFrontEnd

/// The checked entries of a YAML mapping: keys are scalars, known and (once reported) unique.
struct MappingFields {
    /// One `key: value` pair.
    struct Entry {
        /// The key text.
        var key: String
        /// Where the key is written.
        var keyLocation: SourceLocation
        /// Columns the key takes (quotes included).
        var keyWidth: Int
        /// The value node.
        var value: YAMLNode
    }

    /// Where the mapping starts.
    var location: SourceLocation
    /// The entries, in file order.
    var entries: [Entry]
    /// Known keys suggested for misspelt ones ("did you mean `query`?"); checks that would report them
    /// as missing stay quiet, since the misspelling is already reported.
    var suggested: Set<String> = []

    /// The value of `key`, if written.
    func value(_ key: String) -> YAMLNode? {
        entry(key)?.value
    }

    /// The entry of `key`, if written.
    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}
