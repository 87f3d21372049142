// inngest-codegen: the build tool the InngestPlugin runs over a target's Swift files.
//
//   inngest-codegen --output-dir <dir> [--role app|library] [--dependency <Module>=@<list>]...
//                   [--lock <inngest.lock> --target <name>] <file.swift>... | @<response file with one path per line>
//   inngest-codegen --event-graph[=dot] | --dump-model <file.swift>...      (print; write nothing)
//   inngest-codegen --write-lock <inngest.lock> --target <name> <files>... [--target <name> <files>...]
//
// A --dependency is a local target the target depends on: its module name and its Swift files
// (a response file). The checks and the event enum then cover the app across targets. The role
// says whether other targets may extend this one's module graph (library) or not (app).
//
// Prints problems as `file:line:col: error: message` on standard error (SwiftPM and IDEs show
// them at the user's line) and exits 1 if there is any error. Otherwise writes every generated
// file into <dir>, touching only files whose bytes changed, so a no-op rebuild recompiles nothing.

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

/// Writes `line` and a line break to standard error.
func printToStandardError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = write(2, base + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

func fail(_ message: String) -> Never {
    printToStandardError("error: inngest-codegen: \(message)")
    exit(1)
}

var arguments = CommandLine.arguments.dropFirst()
var outputDirectory: String?
var paths: [String] = []
var role = GeneratorOptions.TargetRole.app
var inspection = InspectionRequest()
var dependencies: [(module: String, paths: [String])] = []

/// The paths of a response file, one per line.
func responseFile(_ path: Substring) -> [String] {
    guard let list = try? String(contentsOfFile: String(path), encoding: .utf8) else { fail("cannot read the response file \(path)") }
    return list.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}

while let argument = arguments.popFirst() {
    if argument == "--output-dir" {
        guard let value = arguments.popFirst() else { fail("--output-dir needs a directory") }
        outputDirectory = value
    } else if argument == "--role" {
        switch arguments.popFirst() {
        case "app": role = .app
        case "library": role = .library
        default: fail("--role takes app or library")
        }
    } else if inspection.consume(argument, &arguments, pathCount: paths.count) {
        continue
    } else if argument == "--dependency" {
        guard let value = arguments.popFirst(), let equals = value.firstIndex(of: "="), value[value.index(after: equals)...].hasPrefix("@") else {
            fail("--dependency takes <Module>=@<response file>")
        }
        dependencies.append((String(value[..<equals]), responseFile(value[value.index(equals, offsetBy: 2)...])))
    } else if argument.hasPrefix("@") {
        paths += responseFile(argument.dropFirst())
    } else {
        paths.append(argument)
    }
}
if inspection.isInspection { inspection.run(paths: paths) }
guard let outputDirectory else { fail("usage: inngest-codegen --output-dir <dir> <file.swift>...") }

let sources = readSources(paths)
var options = inspection.generatorOptions()
options.role = role
options.dependencies = dependencies.map { GeneratorOptions.Dependency(moduleName: $0.module, sources: readSources($0.paths)) }
// What was scanned and modelled stays allocated: the process exits soon, and freeing it would
// cost a fifth of the generation (top-level values are never destroyed).
let (output, leftovers) = Generator.generate(sources, options: options) { _ in }
for diagnostic in output.diagnostics {
    printToStandardError("\(diagnostic)")
}
if output.hasErrors { exit(1) }

do {
    try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
    for (name, contents) in output.files.sorted(by: { $0.key < $1.key }) {
        let url = URL(fileURLWithPath: outputDirectory).appendingPathComponent(name)
        let bytes = Data(contents.utf8)
        if FileManager.default.contents(atPath: url.path) == bytes { continue }
        try bytes.write(to: url, options: .atomic)
    }
} catch {
    fail("cannot write the generated files into \(outputDirectory): \(error)")
}
