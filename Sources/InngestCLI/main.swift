// inngest: inspect and drive an embedded engine's database from the command line, while the app
// runs or not. Every read verb takes --json (one JSON document, or JSON lines for `tail`).
//
//   inngest functions [--json]
//   inngest runs      [--status S] [--function ID] [--event NAME] [--since 1h|2026-12-01T10:00:00Z] [--limit N] [--json]
//   inngest run       RUN_ID [--json]                     (also: inngest timeline RUN_ID)
//   inngest events    [--name NAME] [--limit N] [--json]
//   inngest crons     [--json]
//   inngest send      NAME [--data JSON] [--id KEY]   |   inngest send --file FILE|-
//   inngest cancel    RUN_ID
//   inngest replay    RUN_ID
//   inngest rerun     [--function ID] [--event NAME] [--since D] [--limit N]   (failed runs, in bulk)
//   inngest tail      [--function ID] [--json]
//   inngest dashboard [--port 8290] [--host 127.0.0.1]          (the web dashboard over the database)
//
// Every verb takes --db PATH; the database defaults to $INNGEST_DB_PATH, then .inngest/inngest.sqlite.

import Foundation
import InngestEngine

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("inngest: \(message)\n".utf8))
    exit(code)
}

let usage = """
    usage: inngest functions | runs | run RUN_ID | events | crons | send NAME | cancel RUN_ID | replay RUN_ID | rerun | tail | dashboard
           [--db PATH] [--json] [--status S] [--function ID] [--event NAME] [--since D] [--limit N] [--name NAME]
           [--data JSON] [--id KEY] [--file FILE|-] [--port N] [--host ADDRESS]
    """

var words = Array(CommandLine.arguments.dropFirst())
// `--db PATH` may come before the verb too: moved behind it.
if let first = words.first, first == "--db" || first.hasPrefix("--db=") {
    let count = first == "--db" ? 2 : 1
    guard words.count >= count else { fail("--db needs a value") }
    let option = Array(words.prefix(count))
    words.removeFirst(count)
    words += option
}
guard let verb = words.first, !["-h", "--help", "help"].contains(verb) else {
    print(usage)
    exit(words.isEmpty ? 2 : 0)
}
words.removeFirst()
guard let command = Command(verb) else { fail("unknown command \(verb)\n\(usage)") }

do {
    let arguments = try CommandLineArguments(words, options: command.options.union(["db"]), switches: command.switches)
    let path = arguments.options["db"] ?? ProcessInfo.processInfo.environment["INNGEST_DB_PATH"] ?? ".inngest/inngest.sqlite"
    let inspector = try EngineInspector(databasePath: path)
    try await command.run(arguments, inspector: inspector, databasePath: path)
} catch let error as UsageError {
    fail("\(error)\n\(usage)")
} catch let error as CommandFailure {
    fail(error.description, code: 1)
} catch {
    fail("\(error)", code: 1)
}
