import Foundation
import Testing
import TollgateCore

@Suite struct ScratchProbe {
    @Test func heavyFuzz() throws {
        let seedText = try String(contentsOfFile: LoadingFixtures.path("valid/agent-jobs.yaml"), encoding: .utf8)
        let seed = Array(seedText.utf8)
        let lines = seedText.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var g = SeededGenerator(seed: 42)
        let alphabet = Array("{}[]:,-#&*!|>'\"%@` \n\t\\ux0aZ{{}}?".utf8) + [0xC3, 0xA9, 0xFF, 0xE2, 0x80]
        let renderer = DiagnosticRenderer(useColor: false)
        var errors = 0
        for _ in 0..<20000 {
            var bytes: [UInt8]
            if Bool.random(using: &g) {
                bytes = seed
                for _ in 0..<Int.random(in: 1...6, using: &g) {
                    let p = Int.random(in: 0...bytes.count, using: &g)
                    let b = alphabet.randomElement(using: &g) ?? 32
                    switch Int.random(in: 0..<3, using: &g) {
                    case 0 where p < bytes.count: bytes[p] = b
                    case 1 where p < bytes.count: bytes.remove(at: p)
                    default: bytes.insert(b, at: p)
                    }
                }
            } else {
                // duplicate / shuffle whole lines: creates duplicate keys and odd structures
                var ls = lines
                for _ in 0..<Int.random(in: 1...4, using: &g) {
                    let i = Int.random(in: 0..<ls.count, using: &g)
                    let j = Int.random(in: 0..<ls.count, using: &g)
                    if Bool.random(using: &g) { ls.insert(ls[i], at: j) } else { ls.swapAt(i, j) }
                }
                bytes = Array(ls.joined(separator: [10]))
            }
            let r = ScenarioLoader().load(bytes: bytes, file: "/tmp/x/fuzz.yaml")
            if r.hasErrors { errors += 1 }
            for d in r.diagnostics { _ = renderer.render(d) }
        }
        print("fuzz errors", errors)
    }
}
