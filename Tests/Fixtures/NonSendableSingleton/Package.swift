// swift-tools-version:6.1
// A consumer that must FAIL to build although the plugin reports nothing: the generated wiring
// makes the compiler reject non-Sendable singletons and a mistyped dynamic import at the user's lines.
// Built by .ci/fixtures, which checks the errors in expected-errors.txt; not part of swift-inngest.
import Foundation
import PackageDescription

// The swift-inngest checkout three levels up; its package identity is its directory name.
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardizedFileURL

let package = Package(
    name: "NonSendableSingleton",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "NonSendableSingleton",
            dependencies: [.product(name: "Inngest", package: root.lastPathComponent)],
            plugins: [.plugin(name: "InngestPlugin", package: root.lastPathComponent)]
        )
    ],
    swiftLanguageModes: [.v6]
)
