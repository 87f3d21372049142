// swift-tools-version:6.1
// A consumer of swift-inngest with every adapter and ecosystem trait on: Hummingbird, Vapor,
// SwiftLog, Metrics, Tracing and ServiceLifecycle, as an app that serves from a Hummingbird 2 router
// or a Vapor 4 application and plugs into the server ecosystem would have it. Its tests are the
// traits' tests: `.ci/run` runs them with `swift test --package-path Tests/Fixtures/Adapters`, so
// the root package's own tests and executables are never rebuilt with the traits. Hummingbird
// already depends on swift-log, swift-metrics, swift-distributed-tracing and
// swift-service-lifecycle, so the traits fetch nothing more. Vapor shares SwiftNIO and those
// packages with Hummingbird (one build of each) and adds its own: Vapor's kits, AsyncHTTPClient,
// swift-nio-http2, swift-certificates, and swift-nio-ssl and swift-crypto, which each compile a
// copy of BoringSSL. Not part of the swift-inngest package.
import Foundation
import PackageDescription

// The swift-inngest checkout three levels up; its package identity is its directory name.
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardizedFileURL

let package = Package(
    name: "Adapters",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: root.path, traits: ["Hummingbird", "Vapor", "SwiftLog", "Metrics", "Tracing", "ServiceLifecycle"]),
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
        .testTarget(
            name: "AdaptersTests",
            dependencies: [
                .product(name: "Inngest", package: root.lastPathComponent),
                .product(name: "InngestHummingbird", package: root.lastPathComponent),
                .product(name: "InngestVapor", package: root.lastPathComponent),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
