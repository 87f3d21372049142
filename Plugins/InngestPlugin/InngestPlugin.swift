import Foundation
import PackagePlugin

/// Runs `inngest-codegen` over every Swift file of the target it is applied to, generating the
/// function registry, the typed event enum and the dependency wiring.
///
/// ```swift
/// .executableTarget(name: "App", dependencies: [.product(name: "Inngest", package: "swift-inngest")],
///                   plugins: [.plugin(name: "InngestPlugin", package: "swift-inngest")])
/// ```
@main
struct InngestPlugin: BuildToolPlugin {
    /// The generated files: always all of them, so the build system's declared outputs exist.
    static let outputs = ["InngestEvents.generated.swift", "InngestRegistry.generated.swift", "InngestWiring.generated.swift"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = target.sourceFiles(withSuffix: "swift").map(\.url)
        let tool = try context.tool(named: "inngest-codegen")
        let directory = context.pluginWorkDirectoryURL
        // Paths go through a response file: a large target would overflow the command line.
        let list = directory.appending(path: "inputs.txt")
        let listText = inputs.map { $0.path(percentEncoded: false) }.sorted().joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if (try? String(contentsOf: list, encoding: .utf8)) != listText {
            try listText.write(to: list, atomically: true, encoding: .utf8)
        }
        // The package's inngest.lock, when it has one: the build warns about locked ids that are gone.
        let lock = context.package.directoryURL.appending(path: "inngest.lock")
        let hasLock = FileManager.default.fileExists(atPath: lock.path(percentEncoded: false))
        let lockArguments = hasLock ? ["--lock", lock.path(percentEncoded: false), "--target", target.name] : []
        return [
            .buildCommand(
                displayName: "Generating Inngest registry for \(target.name) (\(inputs.count) files)",
                executable: tool.url,
                arguments: ["--output-dir", directory.path(percentEncoded: false)] + lockArguments + ["@" + list.path(percentEncoded: false)],
                inputFiles: inputs + [tool.url, list] + (hasLock ? [lock] : []),
                outputFiles: Self.outputs.map { directory.appending(path: $0) }
            )
        ]
    }
}
