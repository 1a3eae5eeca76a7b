// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gutbot",
    products: [
        .executable(name: "gutbot", targets: ["gutbot"]),
        .library(name: "GutBotCore", targets: ["GutBotCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 for the model file's checksum.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C wrappers: a module map and a shim header each, nothing else.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        // The core: no terminal I/O.
        .target(
            name: "GutBotCore",
            dependencies: [
                "CStemmer", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The article, compiled in: answers cite it and `/source` quotes it.
            resources: [.embedInCode("Article/article.txt")]
        ),
        // The thin front ends: REPL, JSON Lines, replay, tools.
        .executableTarget(
            name: "gutbot",
            dependencies: [
                "GutBotCore", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GutBotCoreTests", dependencies: ["GutBotCore"]),
        // Drives the built binary as a user would; depends on it so `swift test` builds it.
        .testTarget(name: "GutBotTests", dependencies: ["gutbot", "GutBotCore"]),
    ],
    swiftLanguageModes: [.v6]
)
