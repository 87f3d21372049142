// swift-tools-version:6.1
// A consumer of swift-inngest with the `Hummingbird` trait on, as an app serving its functions from
// a Hummingbird 2 router would have it. Its test is the adapter's test: `.ci/run` runs it with
// `swift test --package-path Tests/Fixtures/HummingbirdAdapter`, so the root package's own tests and
// executables are never rebuilt with the trait. Not part of the swift-inngest package.
import Foundation
import PackageDescription

// The swift-inngest checkout three levels up; its package identity is its directory name.
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardizedFileURL

let package = Package(
    name: "HummingbirdAdapter",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: root.path, traits: ["Hummingbird"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
    ],
    targets: [
        .testTarget(
            name: "HummingbirdAdapterTests",
            dependencies: [
                .product(name: "Inngest", package: root.lastPathComponent),
                .product(name: "InngestHummingbird", package: root.lastPathComponent),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
