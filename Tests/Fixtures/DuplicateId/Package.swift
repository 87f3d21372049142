// swift-tools-version:6.1
// A consumer that must FAIL to build: two functions share an id, a service lacks a provider, the
// plainly-said conformance mistakes of MessageErrors.swift, and
// provider declarations are broken in every way the plugin reports (ProviderErrors.swift).
// Built by .ci/fixtures, which checks the errors in expected-errors.txt; not part of swift-inngest.
import Foundation
import PackageDescription

// The swift-inngest checkout three levels up; its package identity is its directory name.
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardizedFileURL

let package = Package(
    name: "DuplicateId",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "DuplicateId",
            dependencies: [.product(name: "Inngest", package: root.lastPathComponent)],
            plugins: [.plugin(name: "InngestPlugin", package: root.lastPathComponent)]
        )
    ],
    swiftLanguageModes: [.v6]
)
