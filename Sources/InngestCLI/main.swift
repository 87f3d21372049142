// inngest: inspect an embedded engine's database from the command line.
//
//   inngest runs      [--db PATH] [--status queued|running|completed|failed|cancelled|skipped] [--function ID] [--limit N]
//   inngest timeline  RUN_ID [--db PATH]
//   inngest events    [--db PATH] [--name NAME] [--limit N]
//   inngest crons     [--db PATH]
//   inngest cancel    RUN_ID [--db PATH]
//   inngest replay    RUN_ID [--db PATH]
//
// The database defaults to $INNGEST_DB_PATH, then .inngest/inngest.sqlite.

import Foundation
import InngestCore
import InngestEngine

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("inngest: \(message)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    fail("usage: inngest runs|timeline RUN_ID|events|crons|cancel RUN_ID|replay RUN_ID [--db PATH] [--status S] [--function ID] [--name NAME] [--limit N]")
}
arguments.removeFirst()
var options: [String: String] = [:]
var positional: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    if argument.hasPrefix("--") {
        guard !arguments.isEmpty else { fail("\(argument) needs a value") }
        options[String(argument.dropFirst(2))] = arguments.removeFirst()
    } else {
        positional.append(argument)
    }
}
let known: Set<String> = ["db", "status", "function", "name", "limit"]
if let unknown = options.keys.first(where: { !known.contains($0) }) { fail("unknown option --\(unknown)") }
let path = options["db"] ?? ProcessInfo.processInfo.environment["INNGEST_DB_PATH"] ?? ".inngest/inngest.sqlite"
let limit = Int(options["limit"] ?? "50") ?? 50

do {
    let inspector = try EngineInspector(databasePath: path)
    let time = Date.ISO8601FormatStyle().year().month().day().time(includingFractionalSeconds: false)
    switch command {
    case "runs":
        var status: RunStatus?
        if let text = options["status"] {
            guard let parsed = RunStatus(rawValue: text) else { fail("unknown status \(text)") }
            status = parsed
        }
        for run in try await inspector.runs(status: status, functionId: options["function"], limit: limit) {
            print("\(run.runId)  \(run.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(run.functionId)  \(run.eventName)  \(run.createdAt.formatted(time))"
                  + (run.waitingFor.map { "  (\($0))" } ?? ""))
        }
    case "timeline":
        guard let runId = positional.first else { fail("usage: inngest timeline RUN_ID") }
        guard let run = try await inspector.run(runId) else { fail("no run \(runId) in \(path)") }
        print("\(run.functionId) run \(run.runId) (\(run.eventName)) — \(run.status.rawValue)" + (run.waitingFor.map { ", waiting: \($0)" } ?? ""))
        for entry in try await inspector.timeline(of: runId) {
            print("  \(entry.at.formatted(time))  \(entry.kind.rawValue)\(entry.step.map { " \($0)" } ?? ""): \(entry.detail)")
        }
    case "events":
        for event in try await inspector.events(name: options["name"], limit: limit) {
            print("\(event.id ?? "?")  \(event.name)  \(event.data.jsonString)")
        }
    case "crons":
        for (function, next) in try await inspector.cronSchedules().sorted(by: { $0.key < $1.key }) {
            print("\(function)  next \(next.formatted(time))")
        }
    case "cancel":
        guard let runId = positional.first else { fail("usage: inngest cancel RUN_ID") }
        guard try await inspector.cancel(runId: runId) else { fail("run \(runId) does not exist or has already finished") }
        print("cancelled \(runId)")
    case "replay":
        guard let runId = positional.first else { fail("usage: inngest replay RUN_ID") }
        guard let newRun = try await inspector.replay(runId: runId) else { fail("no run \(runId) in \(path)") }
        print("queued \(newRun), a replay of \(runId)")
    default:
        fail("unknown command \(command); expected runs, timeline, events, crons, cancel or replay")
    }
} catch {
    fail("\(error)")
}
