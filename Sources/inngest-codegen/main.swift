// inngest-codegen: the build tool the InngestPlugin runs over a target's Swift files.
//
//   inngest-codegen --output-dir <dir> [--lock <inngest.lock> --target <name>] <file.swift>... | @<response file with one path per line>
//   inngest-codegen --event-graph[=dot] | --dump-model <file.swift>...      (print; write nothing)
//   inngest-codegen --write-lock <inngest.lock> --target <name> <files>... [--target <name> <files>...]
//
// Prints problems as `file:line:col: error: message` on standard error (SwiftPM and IDEs show
// them at the user's line) and exits 1 if there is any error. Otherwise writes every generated
// file into <dir>, touching only files whose bytes changed, so a no-op rebuild recompiles nothing.

import Foundation
import InngestCodegen

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: inngest-codegen: \(message)\n".utf8))
    exit(1)
}

var arguments = CommandLine.arguments.dropFirst()
var outputDirectory: String?
var paths: [String] = []
var inspection = InspectionRequest()
while let argument = arguments.popFirst() {
    if argument == "--output-dir" {
        guard let value = arguments.popFirst() else { fail("--output-dir needs a directory") }
        outputDirectory = value
    } else if inspection.consume(argument, &arguments, pathCount: paths.count) {
        continue
    } else if argument.hasPrefix("@") {
        guard let list = try? String(contentsOfFile: String(argument.dropFirst()), encoding: .utf8) else {
            fail("cannot read the response file \(argument.dropFirst())")
        }
        paths += list.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    } else {
        paths.append(argument)
    }
}
if inspection.isInspection { inspection.run(paths: paths) }
guard let outputDirectory else { fail("usage: inngest-codegen --output-dir <dir> <file.swift>...") }

var sources: [(path: String, bytes: [UInt8])] = []
for path in paths.sorted() {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    sources.append((path, [UInt8](data)))
}

let output = Generator.generate(sources, options: inspection.generatorOptions())
for diagnostic in output.diagnostics {
    FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
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
