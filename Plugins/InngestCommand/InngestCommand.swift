import Foundation
import PackagePlugin

/// `swift package inngest <verb>`: the package-wide commands of swift-inngest, run over every
/// target of the package that depends on Inngest (test targets left out); `lock` writes a section
/// for each of them whose code uses `@inngest.` markers and declares a function.
///
/// ```sh
/// swift package --allow-writing-to-package-directory inngest lock        # write or update inngest.lock
/// swift package --allow-writing-to-package-directory inngest graph       # the event-flow graph, one edge per line
/// swift package --allow-writing-to-package-directory inngest graph --dot # the same in Graphviz DOT
/// swift package --allow-writing-to-package-directory inngest dump-model  # what the build found, as JSON
/// ```
///
/// SwiftPM asks every verb for the permission to write, since the plugin declares it for `lock`;
/// only `lock` writes (the lock file, at the package root).
@main
struct InngestCommand: CommandPlugin {
    static let usage = "usage: swift package --allow-writing-to-package-directory inngest lock | graph [--dot] | dump-model"

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard let verb = arguments.first else {
            Diagnostics.error(Self.usage)
            return
        }
        let rest = Array(arguments.dropFirst())
        var options: [String]
        switch verb {
        case "lock":
            guard rest.isEmpty else { return Diagnostics.error("inngest lock takes no options; \(Self.usage)") }
            options = ["--write-lock", context.package.directoryURL.appending(path: "inngest.lock").path(percentEncoded: false)]
        case "graph":
            guard rest.isEmpty || rest == ["--dot"] else { return Diagnostics.error("inngest graph takes only --dot; \(Self.usage)") }
            options = [rest.isEmpty ? "--event-graph" : "--event-graph=dot"]
        case "dump-model":
            guard rest.isEmpty else { return Diagnostics.error("inngest dump-model takes no options; \(Self.usage)") }
            options = ["--dump-model"]
        default:
            return Diagnostics.error("unknown verb '\(verb)'; \(Self.usage)")
        }
        let targets = context.package.targets.compactMap { $0 as? SourceModuleTarget }
            .filter { $0.kind != .test && Self.dependsOnInngest($0) }
            .sorted { $0.name < $1.name }
        guard !targets.isEmpty else {
            return Diagnostics.error("no target of this package depends on Inngest, so there is nothing to \(verb)")
        }
        let directory = context.pluginWorkDirectoryURL
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for target in targets {
            // Paths go through a response file per target: a large target would overflow the command line.
            let list = directory.appending(path: "\(target.name).inputs.txt")
            let paths = target.sourceFiles(withSuffix: "swift").map { $0.url.path(percentEncoded: false) }.sorted()
            try (paths.joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
            options += ["--target", target.name, "@" + list.path(percentEncoded: false)]
        }
        let process = Process()
        process.executableURL = try context.tool(named: "inngest-codegen").url
        process.arguments = options
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("inngest-codegen found errors (above); fix them and run `swift package inngest \(verb)` again")
        }
    }

    /// Whether `target` depends on the Inngest library, directly or through other targets.
    static func dependsOnInngest(_ target: SourceModuleTarget) -> Bool {
        if target.recursiveTargetDependencies.contains(where: { $0.name == "Inngest" }) { return true }
        return target.dependencies.contains { dependency in
            if case .product(let product) = dependency { return product.name == "Inngest" }
            return false
        }
    }
}
