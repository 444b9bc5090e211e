// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "codir",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "codir", targets: ["codir"]),
        .executable(name: "codir-bench", targets: ["codir-bench"]),
        .executable(name: "codir-fuzz", targets: ["codir-fuzz"]),
        .library(name: "CodirModel", targets: ["CodirModel"]),
        .library(name: "CodirMetrics", targets: ["CodirMetrics"]),
        .library(name: "CodirStore", targets: ["CodirStore"]),
        .library(name: "CodirIngest", targets: ["CodirIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Value types shared by every layer; no I/O.
        .target(name: "CodirModel"),
        // The pure metrics engine: reach, colleague engagement, silos.
        .target(name: "CodirMetrics", dependencies: ["CodirModel"]),
        // The SQLite store: migrations, writes, window reads, change detection.
        .target(
            name: "CodirStore",
            dependencies: [
                "CodirModel", "CodirText", "LibC",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // Parsers and importers of the input formats.
        .target(
            name: "CodirIngest",
            dependencies: [
                "CodirModel", "CodirStore", "CodirText", "LibC", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // The installation's configuration file (TOML): who may see what.
        .target(name: "CodirConfig", dependencies: ["CodirModel", "CodirText", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The synthetic demo organisation and the live simulator.
        .target(name: "CodirDemo", dependencies: ["CodirModel", "CodirText", "CodirStore", "CodirIngest"]),
        // Every text a person reads, in English and French (one typed table per language).
        .target(name: "CodirText", dependencies: ["CodirModel"]),
        // Renders a metrics report as text, JSON, CSV or Markdown.
        .target(name: "CodirReport", dependencies: ["CodirModel", "CodirMetrics", "CodirText", "TerminalUI"]),
        // ncursesw for Swift: a module map and a shim of what Swift cannot import.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        // A terminal toolkit that knows nothing about codir: cells, widgets, layout, themes, terminals.
        .target(name: "TerminalUI", dependencies: ["CNCursesW", "LibC"]),
        // The live dashboard: panes built from the metrics, and the application loop.
        .target(
            name: "CodirDashboard",
            dependencies: ["CodirModel", "CodirMetrics", "CodirStore", "CodirReport", "CodirText", "TerminalUI", "LibC"]),
        // The command-line tool: one file per subcommand.
        .executableTarget(
            name: "codir",
            dependencies: [
                "CodirModel", "CodirMetrics", "CodirStore", "CodirIngest", "CodirDemo", "CodirReport", "CodirText",
                "CodirDashboard", "CodirConfig", "TerminalUI", "LibC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The scale benchmark (docs/benchmarks.md).
        .executableTarget(
            name: "codir-bench",
            dependencies: ["CodirModel", "CodirMetrics", "CodirStore", "CodirDemo", "CodirDashboard", "TerminalUI", "ProcessRun", "LibC"]),
        // Running programs with posix_spawn and waiting on their pid: the benchmark's and the tests'.
        .target(name: "ProcessRun", dependencies: ["LibC"]),
        // The platform's C library, imported in one place.
        .target(name: "LibC"),

        // The fuzzer of the importers: mutated inputs of every format (docs/fuzzing.md).
        .target(
            name: "CodirFuzz",
            dependencies: [
                "CodirModel", "CodirStore", "CodirIngest", "LibC", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .executableTarget(name: "codir-fuzz", dependencies: ["CodirFuzz"]),

        .testTarget(name: "CodirModelTests", dependencies: ["CodirModel"]),
        .testTarget(name: "CodirMetricsTests", dependencies: ["CodirMetrics"], exclude: ["Fixtures"]),
        .testTarget(name: "CodirStoreTests", dependencies: ["CodirStore", "CodirTestSupport"]),
        .testTarget(
            name: "CodirIngestTests",
            dependencies: [
                "CodirIngest", "CodirStore", "CodirMetrics", "CodirTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "CodirConfigTests", dependencies: ["CodirConfig", "CodirTestSupport"]),
        .testTarget(name: "CodirDemoTests", dependencies: ["CodirDemo", "CodirStore", "CodirMetrics"]),
        .testTarget(name: "CodirTextTests", dependencies: ["CodirText", "CodirReport", "TerminalUI"]),
        .testTarget(name: "CodirReportTests", dependencies: ["CodirReport", "CodirMetrics", "TerminalUI"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CodirTestSupport"]),
        .testTarget(
            name: "CodirDashboardTests",
            dependencies: ["CodirDashboard", "CodirDemo", "CodirReport", "CodirStore", "TerminalUI", "CodirTestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(name: "CodirFuzzTests", dependencies: ["CodirFuzz", "CodirModel", "CodirTestSupport"]),
        .testTarget(
            name: "codirTests", dependencies: ["codir", "CodirTestSupport", "LibC", "CodirDashboard", "CodirModel"],
            exclude: ["Fixtures"]),
        // What the tests share: scratch folders, running programs.
        .target(name: "CodirTestSupport", dependencies: ["TerminalUI", "ProcessRun", "LibC"], path: "Tests/CodirTestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
