import Foundation
import PackagePlugin

/// Runs `inngest-codegen` over every Swift file of the target it is applied to, generating the
/// function registry, the typed event enum and the dependency wiring.
///
/// ```swift
/// .executableTarget(name: "App", dependencies: [.product(name: "Inngest", package: "swift-inngest")],
///                   plugins: [.plugin(name: "InngestPlugin", package: "swift-inngest")])
/// ```
///
/// The generator also reads the Swift files of the local targets the target depends on (directly
/// or through other local targets) that use Inngest: so an app split into feature libraries and an
/// executable is checked as one graph, and its event enum has every public event. An executable is
/// checked as the whole app; a library or test target as a part that its dependents may extend.
@main
struct InngestPlugin: BuildToolPlugin {
    /// The generated files: always all of them, so the build system's declared outputs exist.
    static let outputs = ["InngestEvents.generated.swift", "InngestRegistry.generated.swift", "InngestWiring.generated.swift"]
    /// The products and targets whose use makes a target part of an Inngest app.
    static let frameworkNames: Set<String> = ["Inngest", "InngestTesting"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = target.sourceFiles(withSuffix: "swift").map(\.url)
        let tool = try context.tool(named: "inngest-codegen")
        let directory = context.pluginWorkDirectoryURL
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Paths go through response files: a large target would overflow the command line.
        let list = directory.appending(path: "inputs.txt")
        try writeIfChanged(list, inputs)
        var arguments = ["--output-dir", directory.path(percentEncoded: false), "--role", target.kind == .executable ? "app" : "library"]
        var inputFiles = inputs + [tool.url, list]
        for dependency in Self.localDependencies(of: target) {
            let files = dependency.sourceFiles(withSuffix: "swift").map(\.url)
            let dependencyList = directory.appending(path: "dependency-\(dependency.moduleName).txt")
            try writeIfChanged(dependencyList, files)
            arguments += ["--dependency", "\(dependency.moduleName)=@\(dependencyList.path(percentEncoded: false))"]
            inputFiles += files + [dependencyList]
        }
        // The package's inngest.lock, when it has one: the build warns about locked ids that are gone.
        let lock = context.package.directoryURL.appending(path: "inngest.lock")
        if FileManager.default.fileExists(atPath: lock.path(percentEncoded: false)) {
            arguments += ["--lock", lock.path(percentEncoded: false), "--target", target.name]
            inputFiles.append(lock)
        }
        arguments.append("@" + list.path(percentEncoded: false))
        return [
            .buildCommand(
                displayName: "Generating Inngest registry for \(target.name) (\(inputs.count) files)",
                executable: tool.url,
                arguments: arguments,
                inputFiles: inputFiles,
                outputFiles: Self.outputs.map { directory.appending(path: $0) }
            )
        ]
    }

    /// Writes the sorted paths, one per line, unless the file already says so (an unchanged file
    /// keeps a no-op build from rerunning the generator).
    private func writeIfChanged(_ file: URL, _ paths: [URL]) throws {
        let text = paths.map { $0.path(percentEncoded: false) }.sorted().joined(separator: "\n") + "\n"
        if (try? String(contentsOf: file, encoding: .utf8)) != text {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// The Swift targets of the same package that `target` depends on, directly or through other
    /// local targets, and that use Inngest themselves: dependencies first.
    static func localDependencies(of target: SourceModuleTarget) -> [SourceModuleTarget] {
        var ordered: [SourceModuleTarget] = []
        var seen: Set<Target.ID> = [target.id]
        func visit(_ target: any Target) {
            for case .target(let dependency) in target.dependencies where seen.insert(dependency.id).inserted {
                visit(dependency)
                if let module = dependency as? SourceModuleTarget, module.kind != .test, usesInngest(module) { ordered.append(module) }
            }
        }
        visit(target)
        return ordered
    }

    /// Whether the target depends on the framework, directly or through local targets.
    static func usesInngest(_ target: any Target) -> Bool {
        var seen: Set<Target.ID> = []
        var queue: [any Target] = [target]
        while let next = queue.popLast() {
            for dependency in next.dependencies {
                switch dependency {
                case .product(let product):
                    if frameworkNames.contains(product.name) { return true }
                case .target(let local):
                    if frameworkNames.contains(local.name) { return true }
                    if seen.insert(local.id).inserted { queue.append(local) }
                @unknown default:
                    break
                }
            }
        }
        return false
    }
}
