import TollgateServer

extension ServerRelease {
    /// The release named by a command-line value (`12`; a leading `v` is accepted); an unknown name
    /// is an ``InvalidValue`` (exit 2, like an unknown `--profile`) naming `option` and the known releases.
    static func parse(_ text: String, option: String) throws(InvalidValue) -> ServerRelease {
        let name = text.lowercased().hasPrefix("v") ? String(text.dropFirst()) : text
        guard let release = ServerRelease(rawValue: name) else {
            throw InvalidValue("\(option) \(text): unknown release; known releases: \(names.joined(separator: ", "))")
        }
        return release
    }
}
