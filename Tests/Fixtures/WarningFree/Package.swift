// swift-tools-version:6.2
// Consumers of every shape of app, each built with warnings as errors: the code the plugin
// generates must add no warning to a user's build, whatever the target declares. Built by
// .ci/fixtures; not part of the swift-inngest package.
import Foundation
import PackageDescription

// The swift-inngest checkout three levels up; its package identity is its directory name.
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardizedFileURL

/// One target per shape; see each target's sources.
let shapes = [
    "NoDeclarations", "OnlyEvents", "OnlyMarkers", "OnlyConformances", "MethodHandlers",
    "Conditional", "NoModule", "HandwrittenModules", "Decoys", "PublicTypes", "ProgrammingModel", "Providers",
]

let package = Package(
    name: "WarningFree",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: root.path)],
    targets: shapes.map { shape in
        .target(
            name: shape,
            dependencies: [.product(name: "Inngest", package: root.lastPathComponent)],
            swiftSettings: [
                .treatAllWarnings(as: .error),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ],
            plugins: [.plugin(name: "InngestPlugin", package: root.lastPathComponent)]
        )
    },
    swiftLanguageModes: [.v6]
)
