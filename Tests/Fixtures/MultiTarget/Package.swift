// swift-tools-version:6.2
// An app split across targets, as a team would lay it out: two feature libraries (Orders, and
// Billing, which builds on Orders), the app executable (Shop) and its tests. Every target uses the
// plugin; the executable's build checks the module graph of the whole app, and each target's
// AppEvent covers its own events and the public ones of the targets it depends on. Built, run and
// tested by .ci/fixtures, which then breaks the app's module list and checks the error lands on the
// library's line; not part of the swift-inngest package.
import Foundation
import PackageDescription

// The swift-inngest checkout three levels up; its package identity is its directory name.
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardizedFileURL
let inngest = Target.Dependency.product(name: "Inngest", package: root.lastPathComponent)
let plugin = Target.PluginUsage.plugin(name: "InngestPlugin", package: root.lastPathComponent)
// The generated code (its imports of the other targets too) must add no warning.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "MultiTarget",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "Orders", dependencies: [inngest], swiftSettings: strict, plugins: [plugin]),
        .target(name: "Billing", dependencies: ["Orders", inngest], swiftSettings: strict, plugins: [plugin]),
        .executableTarget(name: "Shop", dependencies: ["Orders", "Billing", inngest], swiftSettings: strict, plugins: [plugin]),
        .testTarget(
            name: "ShopTests",
            dependencies: ["Shop", "Orders", .product(name: "InngestTesting", package: root.lastPathComponent)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
