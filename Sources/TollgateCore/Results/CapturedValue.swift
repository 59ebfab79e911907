/// A value a step captured into a variable, as reports show it.
public struct CapturedValue: Sendable, Equatable {
    /// The variable name.
    public var name: String
    /// The value, masked; always the mask for a `secret: true` capture.
    public var value: String
    /// True for a `secret: true` capture.
    public var isSecret: Bool

    /// Creates a captured value.
    public init(name: String, value: String, isSecret: Bool) {
        self.name = name
        self.value = value
        self.isSecret = isSecret
    }
}
