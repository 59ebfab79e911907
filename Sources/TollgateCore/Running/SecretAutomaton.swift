/// An Aho–Corasick automaton over UTF-8 bytes that finds every occurrence of a fixed set of byte
/// strings in one left-to-right pass over a text, whatever the number of strings.
///
/// It is written here rather than taken from a package because the project may only use the Swift
/// packages already in `Package.swift`, none of which offers multi-pattern search, and because masking
/// needs one specific answer that general matchers do not give directly: the byte ranges covered by any
/// occurrence, overlaps merged, so that a mask never leaves part of a secret visible.
///
/// The automaton is an immutable value, built once from the whole set (``SecretMasker`` builds a new one
/// when a secret is added) and then read from any thread. Layout: the trie in flat arrays (first child,
/// next sibling, byte label), a dense transition row for the root (the root has the most children), the
/// failure link of each node and the length of the longest string that ends at each node or at any node
/// on its failure chain.
struct SecretAutomaton: Sendable {
    private static let none: Int32 = -1

    private var firstChild: [Int32] = [none]
    private var nextSibling: [Int32] = [none]
    private var label: [UInt8] = [0]
    private var failure: [Int32] = [0]
    /// The longest string ending at this node, its own or one reached through failure links; 0 if none.
    private var longestMatch: [Int32] = [0]
    private var rootRow = [Int32](repeating: 0, count: 256)

    /// True when the automaton knows no string.
    var isEmpty: Bool { firstChild.count == 1 }

    /// Builds the automaton for `patterns` (empty patterns are ignored).
    init(patterns: some Sequence<[UInt8]>) {
        for pattern in patterns where !pattern.isEmpty {
            insert(pattern)
        }
        linkFailures()
    }

    /// The byte ranges `[start, end)` covered by at least one occurrence of a pattern, in order; ranges
    /// that overlap are merged into one (ranges that only touch stay apart).
    func coveredRanges(in text: some Collection<UInt8>) -> [Range<Int>] {
        guard !isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var state: Int32 = 0
        var position = 0
        for byte in text {
            state = next(from: state, on: byte)
            position += 1
            let length = Int(longestMatch[Int(state)])
            if length > 0 {
                var start = position - length
                // Occurrences end in increasing order, so only ranges at the end can overlap this one.
                while let last = ranges.last, last.upperBound > start {
                    start = min(start, last.lowerBound)
                    ranges.removeLast()
                }
                ranges.append(start..<position)
            }
        }
        return ranges
    }

    /// True when `text` contains at least one pattern.
    func occurs(in text: some Collection<UInt8>) -> Bool {
        guard !isEmpty else { return false }
        var state: Int32 = 0
        for byte in text {
            state = next(from: state, on: byte)
            if longestMatch[Int(state)] > 0 { return true }
        }
        return false
    }

    /// The state after reading `byte` in `state`, following failure links where the trie has no edge.
    private func next(from state: Int32, on byte: UInt8) -> Int32 {
        var current = state
        while current != 0 {
            if let child = child(of: current, on: byte) { return child }
            current = failure[Int(current)]
        }
        return rootRow[Int(byte)]
    }

    /// The trie child of a non-root node on `byte`, if any.
    private func child(of node: Int32, on byte: UInt8) -> Int32? {
        var child = firstChild[Int(node)]
        while child != Self.none {
            if label[Int(child)] == byte { return child }
            child = nextSibling[Int(child)]
        }
        return nil
    }

    /// Adds one pattern to the trie.
    private mutating func insert(_ pattern: [UInt8]) {
        var node: Int32 = 0
        for byte in pattern {
            if node == 0 {
                if rootRow[Int(byte)] == 0 {
                    rootRow[Int(byte)] = addNode(byte, under: 0)
                }
                node = rootRow[Int(byte)]
            } else if let existing = child(of: node, on: byte) {
                node = existing
            } else {
                node = addNode(byte, under: node)
            }
        }
        longestMatch[Int(node)] = Int32(pattern.count)
    }

    /// Appends a node labelled `byte` as the first child of `parent`.
    private mutating func addNode(_ byte: UInt8, under parent: Int32) -> Int32 {
        let node = Int32(label.count)
        label.append(byte)
        firstChild.append(Self.none)
        nextSibling.append(firstChild[Int(parent)])
        failure.append(0)
        longestMatch.append(0)
        firstChild[Int(parent)] = node
        return node
    }

    /// Sets every node's failure link and longest match, breadth first (a node's failure target is
    /// shallower, so it is final before the node is reached).
    private mutating func linkFailures() {
        var queue: [Int32] = []
        queue.reserveCapacity(label.count)
        var child = firstChild[0]
        while child != Self.none {
            queue.append(child)  // failure of depth-1 nodes is the root
            child = nextSibling[Int(child)]
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            var child = firstChild[Int(node)]
            while child != Self.none {
                let target = next(from: failure[Int(node)], on: label[Int(child)])
                failure[Int(child)] = target
                longestMatch[Int(child)] = max(longestMatch[Int(child)], longestMatch[Int(target)])
                queue.append(child)
                child = nextSibling[Int(child)]
            }
        }
    }
}
