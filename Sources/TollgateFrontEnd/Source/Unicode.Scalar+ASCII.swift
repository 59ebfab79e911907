/// ASCII classes for the grammars of YAML files (names, numbers, durations).
extension Unicode.Scalar {
    /// `A`–`Z` or `a`–`z`.
    public var isASCIILetter: Bool { ("A"..."Z").contains(self) || ("a"..."z").contains(self) }
    /// `0`–`9`.
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
