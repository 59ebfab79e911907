import Testing
import TollgateFrontEnd

@Suite("Front-end helpers: suggestions, durations, offsets")
struct FrontEndHelpersTests {
    @Test("edit distance counts a swap of neighbours as one edit")
    func editDistance() {
        #expect(Suggestion.editDistance("stauts", "status") == 1)
        #expect(Suggestion.editDistance("reqest", "request") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test("suggestions are offered only for plausible typos")
    func suggestions() {
        let keys = ["status", "headers", "xpath", "json", "body", "schema"]
        #expect(Suggestion.closest(to: "stauts", in: keys) == "status")
        #expect(Suggestion.closest(to: "Headers", in: keys) == "headers")
        #expect(Suggestion.closest(to: "xpth", in: keys) == "xpath")
        #expect(Suggestion.closest(to: "frobnicate", in: keys) == nil)
        #expect(Suggestion.closest(to: "v", in: ["em"]) == nil)
    }

    @Test("durations need a unit", arguments: [
        ("200ms", Duration.milliseconds(200)), ("1.5s", .milliseconds(1500)), ("2m", .seconds(120)),
        ("0s", .zero), ("0.25ms", .microseconds(250)),
    ])
    func durations(text: String, expected: Duration) {
        #expect(DurationParser.parse(text) == .success(expected))
    }

    @Test("malformed durations are told apart")
    func badDurations() {
        #expect(DurationParser.parse("30") == .failure(.missingUnit))
        #expect(DurationParser.parse("1h") == .failure(.malformed))
        #expect(DurationParser.parse(".5s") == .failure(.malformed))
        #expect(DurationParser.parse("1.s") == .failure(.malformed))
        #expect(DurationParser.parse("-1s") == .failure(.malformed))
        #expect(DurationParser.parse("1441m") == .failure(.tooLong))
        #expect(DurationParser.parse("99999999999999999999999s") == .failure(.tooLong))
    }

    @Test("UTF-8 offsets from libxml2 map to scalar indexes")
    func utf8Offsets() {
        #expect(ScalarPositions.scalarIndex(ofUTF8Offset: 0, in: "abc") == 0)
        #expect(ScalarPositions.scalarIndex(ofUTF8Offset: 3, in: "abc") == 3)
        // "é" is two bytes: byte 3 is the start of "x" at scalar 2.
        #expect(ScalarPositions.scalarIndex(ofUTF8Offset: 3, in: "aéx") == 2)
        #expect(ScalarPositions.scalarIndex(ofUTF8Offset: 2, in: "aéx") == 1)
    }
}
