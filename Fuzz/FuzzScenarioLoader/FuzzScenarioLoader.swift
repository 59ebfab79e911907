import TollgateCore

#if FUZZING
/// libFuzzer entry point: any bytes as a scenario file give suites or diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let result = ScenarioLoader().load(bytes: bytes, file: "fuzz.yaml")
    let renderer = DiagnosticRenderer(useColor: false)
    for diagnostic in result.diagnostics {
        _ = renderer.render(diagnostic)
    }
    return 0
}
#else
/// Built without the fuzzer: say how to build it.
@main
enum FuzzScenarioLoaderUsage {
    static func main() {
        print("Build with: swift build --product FuzzScenarioLoader -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz (see README)")
    }
}
#endif
