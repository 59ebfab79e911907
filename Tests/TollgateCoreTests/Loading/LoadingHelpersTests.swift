import Testing
@testable import TollgateCore

@Suite("Loading helpers")
struct LoadingHelpersTests {
    @Test("decimal numbers as written in a file")
    func numbers() {
        for text in ["0", "-3", "+4", "2.5", ".5", "1e3", "1E-2", "7."] {
            #expect(SuiteBuilder.isDecimalNumber(text), "\(text)")
        }
        for text in ["", "-", ".", "1e", "0x1F", "1_000", "1:30", ".inf", "3 4", "e3"] {
            #expect(!SuiteBuilder.isDecimalNumber(text), "\(text)")
        }
    }
}
