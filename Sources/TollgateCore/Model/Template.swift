/// A string from a scenario file with `{{name}}` placeholders, parsed once at load time.
public struct Template: Sendable, Equatable {
    /// One piece of a template.
    public enum Segment: Sendable, Equatable {
        /// Text used as written.
        case literal(String)
        /// A `{{name}}` placeholder; `location` points at the name.
        case variable(name: String, location: SourceLocation)
    }

    /// The text as written in the file.
    public var source: String
    /// Where the text starts in the file.
    public var location: SourceLocation
    /// The literal and placeholder pieces, in order.
    public var segments: [Segment]

    /// Creates a template from already parsed segments.
    public init(source: String, location: SourceLocation, segments: [Segment]) {
        self.source = source
        self.location = location
        self.segments = segments
    }

    /// A template with no placeholders.
    public static func literal(_ text: String, at location: SourceLocation) -> Template {
        Template(source: text, location: location, segments: [.literal(text)])
    }

    /// The names of the placeholders, in order of appearance.
    public var variableNames: [String] {
        segments.compactMap {
            if case .variable(let name, _) = $0 { return name }
            return nil
        }
    }
}
