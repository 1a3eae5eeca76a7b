// swift-tools-version: 6.1
// gutbot's benchmarks, on ordo-one/benchmark, kept out of the main package so
// that `swift build`, `swift test` and CI never build them. Run from this folder:
//
//   swift package benchmark
//
// They always measure a release build of the core.
import PackageDescription

let package = Package(
    name: "gutbot-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "gutbot", path: ".."),
        // MallocInterposer counts allocations; naming the trait also keeps
        // out the runtime interposer, which this machine's mirror lacks.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "GutBotBenchmarks",
            dependencies: [
                .product(name: "GutBotCore", package: "gutbot"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/GutBotBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
