/// The variables visible to a scenario's steps: file values, overridden by the run's values
/// (`--var`, environment, built-in `base_url`), overridden by captures of earlier steps.
struct VariableScope: Sendable {
    private(set) var values: [String: String]

    /// The scope a scenario starts with.
    init(suite: Suite, configuration: RunConfiguration) {
        self.init(fileVariables: suite.variables, configuration: configuration)
    }

    /// The scope of a file's variables (a suite's, or the file defining a session).
    init(fileVariables: [String: Located<String>], configuration: RunConfiguration) {
        var values = fileVariables.mapValues(\.value)
        values["base_url"] = URLBuilder.trimmedBase(configuration.baseURL)
        values.merge(configuration.variables) { _, run in run }
        self.values = values
    }

    /// Sets a captured value.
    mutating func set(_ name: String, _ value: String) {
        values[name] = value
    }

    /// The template's text with every placeholder replaced.
    func resolve(_ template: Template) throws(UnresolvedVariable) -> String {
        var text = ""
        for segment in template.segments {
            switch segment {
            case .literal(let literal):
                text += literal
            case .variable(let name, let location):
                guard let value = values[name] else { throw UnresolvedVariable(name: name, location: location) }
                text += value
            }
        }
        return text
    }
}
