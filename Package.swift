// swift-tools-version:6.2
import PackageDescription

/// swift-inngest: durable, event-driven background functions for Swift.
///
/// The default build depends on no package: only the toolchain and two system libraries
/// (SQLite3, and OpenSSL's libcrypto on Linux where CryptoKit does not exist).
let package = Package(
    name: "swift-inngest",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Inngest", targets: ["Inngest"]),
        .library(name: "InngestTesting", targets: ["InngestTesting"]),
        .library(name: "InngestHummingbird", targets: ["InngestHummingbird"]),
        .library(name: "InngestVapor", targets: ["InngestVapor"]),
        .plugin(name: "InngestPlugin", targets: ["InngestPlugin"]),
        .plugin(name: "InngestCommand", targets: ["InngestCommand"]),
        .executable(name: "inngest-codegen", targets: ["inngest-codegen"]),
        .executable(name: "demo", targets: ["ShopDemo"]),
        .executable(name: "inngest", targets: ["InngestCLI"]),
    ],
    // Framework adapters and ecosystem bridges are behind traits that are off by default: a consumer
    // that does not enable one fetches nothing.
    traits: [
        .trait(name: "Hummingbird", description: "InngestHummingbird: serve functions from a Hummingbird 2 router."),
        .trait(name: "Vapor", description: "InngestVapor: serve functions from a Vapor 4 application."),
        .trait(name: "SwiftLog", description: "The framework's log records go to swift-log (InngestLogger(swiftLog:)), with their run metadata."),
        .trait(name: "Metrics", description: "swift-metrics counters and timers: runs started, completed, failed and cancelled, step duration, queue depth and lag."),
        .trait(name: "Tracing", description: "swift-distributed-tracing spans per run execution and per step, for swift-otel and other tracers."),
        .trait(name: "ServiceLifecycle", description: "InngestApp is a swift-service-lifecycle Service: a ServiceGroup runs it and shuts it down gracefully."),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),

        .systemLibrary(
            name: "CLibSSL",
            pkgConfig: "libssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),

        // Leaf libraries.
        .target(
            name: "InngestCrypto",
            dependencies: [.target(name: "CLibCrypto", condition: .when(platforms: [.linux, .android]))]
        ),
        .target(name: "InngestTime"),
        .target(name: "InngestDI"),
        // CEL expressions (trigger `if`, waits, cancellations, flow-control keys): no dependency, so the
        // build-time generator can check literal expressions with the same parser.
        .target(name: "InngestExpression"),

        // Runtime.
        .target(name: "InngestCore", dependencies: ["InngestDI", "InngestCrypto", "InngestExpression", "InngestTime"]),
        .target(name: "InngestEngine", dependencies: ["InngestCore", "InngestDI", "InngestTime", "CSQLite"]),
        .target(name: "InngestServe", dependencies: ["InngestCore", "InngestDI", "InngestCrypto", "InngestTime",
                                               .target(name: "CLibSSL", condition: .when(platforms: [.linux, .android]))]),
        // The local web dashboard (development): a small HTTP server on POSIX sockets, no dependency.
        .target(name: "InngestDashboard", dependencies: ["InngestCore", "InngestEngine"]),
        .target(
            name: "Inngest",
            dependencies: [
                "InngestCore", "InngestDI", "InngestEngine", "InngestServe", "InngestDashboard",
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["SwiftLog"])),
                .product(name: "Metrics", package: "swift-metrics", condition: .when(traits: ["Metrics"])),
                .product(name: "Tracing", package: "swift-distributed-tracing", condition: .when(traits: ["Tracing"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle", condition: .when(traits: ["ServiceLifecycle"])),
            ]
        ),
        .target(name: "InngestTesting", dependencies: ["Inngest", "InngestCore"]),
        .target(
            name: "InngestHummingbird",
            dependencies: [
                "Inngest",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Hummingbird"])),
            ]
        ),
        .target(
            name: "InngestVapor",
            dependencies: [
                "Inngest",
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Vapor"])),
            ]
        ),

        // Build-time generation.
        .target(name: "InngestCodegen", dependencies: ["InngestExpression", "InngestTime"]),
        .executableTarget(name: "inngest-codegen", dependencies: ["InngestCodegen"]),
        .plugin(name: "InngestPlugin", capability: .buildTool(), dependencies: ["inngest-codegen"]),
        // `swift package --allow-writing-to-package-directory inngest lock | graph | dump-model`.
        .plugin(
            name: "InngestCommand",
            capability: .command(
                intent: .custom(verb: "inngest", description: "Write inngest.lock, print the event-flow graph, or dump what the build found"),
                permissions: [.writeToPackageDirectory(reason: "inngest lock writes inngest.lock, the function and step id lockfile, at the package root")]
            ),
            dependencies: ["inngest-codegen"]
        ),

        // Inspecting an engine's database from the command line.
        .executableTarget(name: "InngestCLI", dependencies: ["InngestCore", "InngestEngine", "InngestTime", "InngestDashboard"]),

        // The demo: the README's main job.
        .executableTarget(name: "ShopDemo", dependencies: ["Inngest"], plugins: ["InngestPlugin"]),

        // Benchmarks: `swift run -c release inngest-bench` prints the README's performance figures.
        .executableTarget(name: "inngest-bench", dependencies: ["Inngest", "InngestCodegen", "InngestExpression"]),

        // A worker process for the crash and several-process tests: the tests start it, kill it, and
        // read the ledger of side effects it appends to.
        .executableTarget(name: "inngest-idle", dependencies: ["Inngest"]),
        .executableTarget(name: "inngest-crash-worker", dependencies: ["InngestCore", "InngestDI", "InngestEngine"]),

        // Tests. The tests of the traits are in the consumer fixture Tests/Fixtures/Adapters, which
        // enables them all: building them here would rebuild every test and executable with the traits.
        .testTarget(name: "InngestCryptoTests", dependencies: ["InngestCrypto"]),
        .testTarget(name: "InngestTimeTests", dependencies: ["InngestTime"]),
        .testTarget(name: "InngestDITests", dependencies: ["InngestDI"]),
        .testTarget(name: "InngestExpressionTests", dependencies: ["InngestExpression"]),
        .testTarget(name: "InngestCoreTests", dependencies: ["InngestCore"]),
        .testTarget(name: "InngestEngineTests", dependencies: ["InngestEngine", "InngestTesting"]),
        .testTarget(name: "InngestDashboardTests", dependencies: ["InngestDashboard", "InngestTesting"]),
        .testTarget(name: "InngestTestingTests", dependencies: ["InngestTesting"]),
        .testTarget(name: "InngestServeTests", dependencies: ["InngestServe"], exclude: ["Golden"]),
        .testTarget(
            name: "InngestCodegenTests",
            dependencies: ["InngestCodegen"],
            exclude: ["Golden"],
            resources: []
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
