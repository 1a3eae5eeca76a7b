// swift-tools-version: 6.0
// A Swift plugin built against gutbot as a library, and the few lines that make
// it an executable: what a third party's own gutbot looks like. Its own package,
// so `swift build` and `swift test` in the root never build it; `.ci/run` does.
import PackageDescription

let package = Package(
    name: "gutbot-examples",
    dependencies: [.package(name: "gutbot", path: "..")],
    targets: [
        // The plugin: needs only the core.
        .target(name: "QuickReference", dependencies: [.product(name: "GutBotCore", package: "gutbot")]),
        // gutbot with the plugin registered: every command, the plugin beside the YAML ones.
        .executableTarget(
            name: "gutbot-examples",
            dependencies: ["QuickReference", .product(name: "GutBotCLI", package: "gutbot")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
