// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tollgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tollgate", targets: ["tollgate"]),
        .library(name: "TollgateCore", targets: ["TollgateCore"]),
        .library(name: "TollgateServer", targets: ["TollgateServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // libxml2 from the system (pkg-config libxml-2.0). Only TollgateXML imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Safe libxml2 wrapper: parsing without network or entities, typed XPath, XSD validation.
        .target(name: "TollgateXML", dependencies: ["CLibXML2"]),
        // The front end of every YAML file: source files, positioned YAML nodes (libyaml via Yams'
        // CYaml), diagnostics and their one renderer, "did you mean" suggestions, the duration grammar.
        .target(name: "TollgateFrontEnd", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Scenario model, loading, checking, running, assertions and reports. No CLI, no server.
        .target(
            name: "TollgateCore",
            dependencies: [
                "TollgateFrontEnd",
                "TollgateXML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),  // SHA-256 for the run record
            ]
        ),
        // Comparing two run records (`tollgate compare`): pairing, structural drift, rules, approvals, reports.
        .target(name: "TollgateCompare", dependencies: ["TollgateCore", "TollgateXML", "TollgateFrontEnd"]),
        // The built-in Veeam Backup Enterprise Manager server (Hummingbird 2).
        .target(
            name: "TollgateServer",
            dependencies: [
                "TollgateFrontEnd",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        // The command line: wiring only.
        .executableTarget(
            name: "tollgate",
            dependencies: [
                "TollgateCore",
                "TollgateCompare",
                "TollgateServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer targets (README: Fuzzing). Without -DFUZZING they only print how to build them.
        .executableTarget(name: "FuzzScenarioLoader", dependencies: ["TollgateCore"], path: "Fuzz/FuzzScenarioLoader"),
        .executableTarget(name: "FuzzXPath", dependencies: ["TollgateXML"], path: "Fuzz/FuzzXPath"),
        .testTarget(name: "TollgateFrontEndTests", dependencies: ["TollgateFrontEnd"]),
        .testTarget(name: "TollgateCompareTests", dependencies: ["TollgateCompare", "TollgateCore", "TollgateXML"]),
        // The bare Hummingbird route the built-in server is measured against (Benchmarks/run.sh, part server).
        .executableTarget(
            name: "BareRoute",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/BareRoute"
        ),
        .testTarget(name: "TollgateXMLTests", dependencies: ["TollgateXML"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TollgateCoreTests",
            dependencies: [
                "TollgateCore",
                "TollgateXML",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TollgateServerTests",
            dependencies: [
                "TollgateServer",
                "TollgateXML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TollgateServer",
                "TollgateXML",
                .product(name: "Logging", package: "swift-log"),
                // The notes server of the Examples/ end-to-end test.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
