/// Where a token or node is written: from its first character to just after its last one.
///
/// Lines and columns are 1-based and counted in characters (Unicode scalars), as libyaml and every
/// diagnostic count them; `startOffset`/`endOffset` index ``SourceFile/scalars``.
public struct SourceSpan: Sendable, Hashable {
    /// The first character.
    public var start: SourceLocation
    /// Just after the last character (on the same line for a one-line token).
    public var end: SourceLocation
    /// Offset of the first character in the file's scalars.
    public var startOffset: Int
    /// Offset just after the last character in the file's scalars.
    public var endOffset: Int

    /// Creates a span.
    public init(start: SourceLocation, end: SourceLocation, startOffset: Int, endOffset: Int) {
        self.start = start
        self.end = end
        self.startOffset = startOffset
        self.endOffset = max(startOffset, endOffset)
    }

    /// True when the span starts and ends on one line.
    public var isOneLine: Bool { start.line == end.line }
}
