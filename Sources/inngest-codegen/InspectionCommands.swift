#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InngestCodegen

/// What the command line asks for besides a generation: `--event-graph[=dot]`, `--dump-model`,
/// `--write-lock <path>`; and the lock file and target name a generation checks against.
struct InspectionRequest {
    /// `text` or `dot` for `--event-graph`.
    var graphFormat: String?
    /// `--dump-model`.
    var dumpsModel = false
    /// `--write-lock <path>`.
    var writeLockPath: String?
    /// `--lock <path>`: the lock file a generation compares with (read when it exists).
    var lockPath: String?
    /// Each `--target <name>` and the index in the path list where its files start.
    var targets: [(name: String, start: Int)] = []

    /// Whether an inspection replaces the generation.
    var isInspection: Bool { graphFormat != nil || dumpsModel || writeLockPath != nil }

    /// Reads one of this request's options, taking its value from `arguments`; false when
    /// `argument` is not one of them.
    mutating func consume(_ argument: String, _ arguments: inout ArraySlice<String>, pathCount: Int) -> Bool {
        switch argument {
        case "--event-graph", "--event-graph=text": graphFormat = "text"
        case "--event-graph=dot": graphFormat = "dot"
        case "--dump-model": dumpsModel = true
        case "--write-lock":
            guard let value = arguments.popFirst() else { fail("--write-lock needs the lock file's path") }
            writeLockPath = value
        case "--lock":
            guard let value = arguments.popFirst() else { fail("--lock needs the lock file's path") }
            lockPath = value
        case "--target":
            guard let value = arguments.popFirst(), !value.isEmpty else { fail("--target needs a target name") }
            targets.append((value, pathCount))
        default:
            if argument.hasPrefix("--event-graph=") { fail("--event-graph takes =text or =dot, not \(argument.dropFirst(14))") }
            return false
        }
        return true
    }

    /// The options of a generation: the lock file, when it exists, and the target it is for.
    func generatorOptions() -> GeneratorOptions {
        var options = GeneratorOptions()
        if let lockPath, let data = FileManager.default.contents(atPath: lockPath) {
            guard let target = targets.last?.name else { fail("--lock needs --target <name>: the lock file's section to compare with") }
            options.lockFile = GeneratorOptions.LockFileInput(path: lockPath, bytes: [UInt8](data), targetName: target)
        }
        return options
    }

    /// Runs the inspection over `paths` and exits: 0 when done, 1 when a target has errors.
    func run(paths: [String]) -> Never {
        let groups = targets.isEmpty ? [("", 0)] : targets
        var sections: [String: [LockFile.Function]] = [:]
        var failed = false
        var printed: [String] = []
        var models: [String: AppModel] = [:]
        for (index, group) in groups.enumerated() {
            let end = index + 1 < groups.count ? groups[index + 1].start : paths.count
            let sources = readSources(Array(paths[group.start..<end]))
            let (model, diagnostics) = Inspection.model(sources, options: generatorOptions())
            for diagnostic in diagnostics { printToStandardError("\(diagnostic)") }
            if diagnostics.contains(where: { $0.severity == .error }) { failed = true }
            if writeLockPath != nil {
                guard !group.name.isEmpty else { fail("--write-lock needs --target <name> before each target's files") }
                let functions = LockFile.functions(of: model)
                if !functions.isEmpty && Inspection.usesMarkers(model) { sections[group.name] = functions }
            }
            let header = groups.count > 1 ? group.name : nil
            if let graphFormat {
                let graph = EventFlowGraph(model)
                let body = graphFormat == "dot" ? graph.dot : graph.text
                // Several targets: the ones without an edge are left out.
                if header == nil || !graph.edges.isEmpty {
                    printed.append((header.map { graphFormat == "dot" ? "// \($0)\n" : "# \($0)\n" } ?? "") + body)
                }
            }
            if dumpsModel {
                if groups.count == 1 { printed.append(ModelDump.json(model)) } else { models[group.name] = model }
            }
        }
        if dumpsModel && groups.count > 1 { printed.append(ModelDump.json(byTarget: models)) }
        print(printed.joined(separator: "\n"), terminator: "")
        if let writeLockPath {
            if failed { fail("inngest.lock was not written: fix the errors above first") }
            let text = LockFile(sections: sections).rendered()
            if FileManager.default.contents(atPath: writeLockPath) != Data(text.utf8) {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: writeLockPath), options: .atomic)
                } catch {
                    fail("cannot write \(writeLockPath): \(error)")
                }
            }
            let count = sections.values.reduce(0) { $0 + $1.count }
            print("wrote \(writeLockPath): \(sections.count) target\(sections.count == 1 ? "" : "s"), \(count) function\(count == 1 ? "" : "s")")
        }
        exit(failed ? 1 : 0)
    }
}
