// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gutbot",
    products: [
        .executable(name: "gutbot", targets: ["gutbot"]),
        .library(name: "GutBotCore", targets: ["GutBotCore"]),
        // The command line as a library: an executable with Swift plugins of its own calls `GutBotCLI.main(plugins:)`.
        .library(name: "GutBotCLI", targets: ["GutBotCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 for the model file's checksum.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C wrappers: a module map and a shim header each. CStemmer's header only
        // includes libstemmer; CReadline's also holds the C that readline needs
        // (the completion hook, the Ctrl-C and SIGTERM/SIGHUP handlers), since
        // Swift 6 cannot touch readline's globals.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        // The transformer encoder's matrix products over its int8 weights, in C: chosen at run time
        // for AVX-512, AVX2 or plain C, which Swift code cannot be (it is compiled for one processor).
        .target(name: "CTransformerKernels", path: "Sources/CTransformerKernels"),
        // The core: no terminal I/O.
        .target(
            name: "GutBotCore",
            dependencies: [
                "CStemmer", "CTransformerKernels", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The article, compiled in: answers cite it and `/source` quotes it.
            resources: [.embedInCode("Article/article.txt")]
        ),
        // The maintenance tools: plugin checks, routing evaluation, plugin templates.
        .target(name: "GutBotTools", dependencies: ["GutBotCore"]),
        // The thin front ends and the commands: REPL, pipe chat, JSON Lines, replay, tools.
        .target(
            name: "GutBotCLI",
            dependencies: [
                "GutBotCore", "GutBotTools", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The shipped executable: `main.swift` alone, calling GutBotCLI.
        .executableTarget(name: "gutbot", dependencies: ["GutBotCLI"]),
        // What every test target shares: the package's paths and the shipped engine, loaded one way.
        .target(name: "GutBotTestSupport", dependencies: ["GutBotCore"], path: "Tests/GutBotTestSupport"),
        // Crypto: the model-file tests re-sign damaged files to reach the checks after the checksum.
        // CTransformerKernels: every kernel is checked, not only the one this processor runs.
        .testTarget(
            name: "GutBotCoreTests",
            dependencies: [
                "GutBotCore", "GutBotTestSupport", "CTransformerKernels", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "GutBotToolsTests", dependencies: ["GutBotTools", "GutBotTestSupport"]),
        // Drives the built binary as a user would; depends on it so `swift test` builds it.
        .testTarget(name: "GutBotTests", dependencies: ["gutbot", "GutBotCLI", "GutBotCore", "GutBotTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
