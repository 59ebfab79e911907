import TollgateXML

#if FUZZING
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer entry point: the first line is an XPath expression, the rest an XML body.
/// Whatever the bytes, parsing and evaluation end in a value or an XMLError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let newline = bytes.firstIndex(of: 10) ?? bytes.endIndex
    let source = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = newline < bytes.endIndex ? Array(bytes[(newline + 1)...]) : []
    let namespaces = ["em": "http://www.veeam.com/ent/v1.0"]
    guard let expression = try? XPathExpression(source, namespaces: namespaces) else { return 0 }
    _ = try? XMLDocument.withParsed(body) { document in
        try document.evaluate(expression)
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

/// Entry point when fuzzing. SwiftPM links every executable target with `--defsym main=FuzzXPath_main`,
/// so libFuzzer's own `main` is never used; this `@main` starts libFuzzer's driver instead.
@main
enum FuzzXPathDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(llvmFuzzerRunDriver(&argc, &argv, fuzzXPath))
    }
}
#else
/// Built without the fuzzer: say how to build it.
@main
enum FuzzXPathUsage {
    static func main() {
        print("Build with: swift build --product FuzzXPath -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz (see README)")
    }
}
#endif
