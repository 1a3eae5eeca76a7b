// swift-tools-version: 6.0
// libFuzzer targets for gutbot, kept out of the main package so `swift build`
// and `swift test` never build them. Build and run with Fuzz/fuzz.sh.
import PackageDescription

let package = Package(
    name: "gutbot-fuzz",
    dependencies: [.package(name: "gutbot", path: "..")],
    targets: [
        // Arbitrary bytes through the whole message path.
        .executableTarget(name: "FuzzMessage", dependencies: [.product(name: "GutBotCore", package: "gutbot")]),
        // Arbitrary bytes to the plugin, safety-data, transcript and request parsers.
        .executableTarget(name: "FuzzParsers", dependencies: [.product(name: "GutBotCore", package: "gutbot")]),
    ],
    swiftLanguageModes: [.v6]
)
