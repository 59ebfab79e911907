import TollgateCore

#if FUZZING
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// libFuzzer's driver (compiler-rt, `FuzzerDriver.cpp`): parses libFuzzer's flags and runs the loop.
/// Declared here because no module map exposes it; the arguments are plain pointers and an `int`.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// Entry point when fuzzing. SwiftPM links every executable target with `--defsym main=FuzzScenarioLoader_main`,
/// so libFuzzer's own `main` is never used; this `@main` starts libFuzzer's driver instead.
@main
enum FuzzScenarioLoaderDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(llvmFuzzerRunDriver(&argc, &argv, fuzzScenarioLoader))
    }
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
