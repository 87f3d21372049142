#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import InngestCore
import InngestDashboard
import InngestEngine
import InngestTime

/// One verb of the command line, with the options it takes.
struct Command {
    private let verb: String
    let options: Set<String>
    let switches: Set<String>

    init?(_ verb: String) {
        self.verb = verb == "timeline" ? "run" : verb
        switch self.verb {
        case "functions", "crons": (options, switches) = ([], ["json"])
        case "runs": (options, switches) = (["status", "function", "event", "since", "limit"], ["json"])
        case "run": (options, switches) = ([], ["json"])
        case "events": (options, switches) = (["name", "limit"], ["json"])
        case "send": (options, switches) = (["data", "id", "file"], [])
        case "cancel", "replay": (options, switches) = ([], [])
        case "rerun": (options, switches) = (["function", "event", "since", "limit"], [])
        case "tail": (options, switches) = (["function"], ["json"])
        case "dashboard": (options, switches) = (["host", "port"], [])
        default: return nil
        }
    }

    func run(_ arguments: CommandLineArguments, inspector: EngineInspector, databasePath: String) async throws {
        let json = arguments.flags.contains("json")
        switch verb {
        case "functions":
            let functions = try await inspector.functions()
            if json { return print(JSONValue.array(functions.map(Rendering.json)).jsonString) }
            if functions.isEmpty { print("no functions registered in \(databasePath): the app's engine writes them when it starts") }
            for function in functions {
                print("\(function.id)\(function.name == function.id ? "" : " (\(function.name))")  \(Rendering.triggers(of: function))")
                let options = Rendering.options(of: function)
                if !options.isEmpty { print("    \(options)") }
            }
        case "runs":
            let runs = try await inspector.runs(status: try status(arguments), functionId: arguments.options["function"],
                                                eventName: arguments.options["event"], since: try since(arguments),
                                                limit: try limit(arguments))
            if json { return print(JSONValue.array(runs.map(Rendering.json)).jsonString) }
            for run in runs {
                print("\(run.runId)  \(Rendering.padded(run.status.rawValue, 9))  \(run.functionId)  \(run.eventName)  "
                      + Rendering.timestamp(run.createdAt) + (run.endedAt.map { "  \(Rendering.duration(from: run.createdAt, to: $0))" } ?? "")
                      + (run.waitingFor.map { "  (\($0))" } ?? ""))
            }
        case "run":
            let runId = try single(arguments, "RUN_ID")
            guard let run = try await inspector.run(runId) else { throw CommandFailure("no run \(runId) in \(databasePath)") }
            let timeline = try await inspector.timeline(of: runId)
            if json {
                var document = Rendering.json(run)
                if case .object(var members) = document {
                    members["timeline"] = .array(timeline.map(Rendering.json))
                    document = .object(members)
                }
                return print(document.jsonString)
            }
            printRun(run, timeline)
        case "events":
            let events = try await inspector.events(name: arguments.options["name"], limit: try limit(arguments))
            if json { return print(JSONValue.array(events.map(\.jsonValue)).jsonString) }
            for event in events { print("\(event.id ?? "?")  \(event.name)  \(event.data.jsonString)") }
        case "crons":
            let schedules = try await inspector.cronSchedules().sorted { $0.key < $1.key }
            if json {
                return print(JSONValue.object(Dictionary(uniqueKeysWithValues: schedules.map { ($0.key, .string(Rendering.timestamp($0.value))) })).jsonString)
            }
            for (function, next) in schedules { print("\(function)  next \(Rendering.timestamp(next))") }
        case "send":
            for event in try eventsToSend(arguments) {
                let id = try await inspector.send(event)
                print("queued \(event.name) as event \(id): the app ingests it within a second while it runs, or when it next starts")
            }
        case "cancel":
            let runId = try single(arguments, "RUN_ID")
            guard try await inspector.cancel(runId: runId) else { throw CommandFailure("run \(runId) does not exist or has already finished") }
            print("cancelled \(runId)")
        case "replay":
            let runId = try single(arguments, "RUN_ID")
            guard let newRun = try await inspector.replay(runId: runId) else { throw CommandFailure("no run \(runId) in \(databasePath)") }
            print("queued \(newRun), a replay of \(runId)")
        case "rerun":
            try await rerun(arguments, inspector: inspector)
        case "tail":
            try await tail(functionId: arguments.options["function"], json: json, inspector: inspector)
        case "dashboard":
            guard let port = Int(arguments.options["port"] ?? "8290") else { throw UsageError("--port takes a number") }
            let dashboard = try Dashboard.start(inspector: inspector, host: arguments.options["host"] ?? "127.0.0.1", port: port)
            print("dashboard of \(databasePath) at \(dashboard.url) (Ctrl-C to stop)")
            fflush(nil)
            while true { try await Task.sleep(for: .seconds(3_600)) }
        default:
            throw UsageError("unknown command \(verb)")
        }
    }

    private func printRun(_ run: RunRecord, _ timeline: [TimelineEntry]) {
        print("\(run.functionId) run \(run.runId) (\(run.eventName), event \(run.eventId)) — \(run.status.rawValue)"
              + (run.waitingFor.map { ", waiting: \($0)" } ?? ""))
        var facts = ["created \(Rendering.timestamp(run.createdAt))"]
        if let endedAt = run.endedAt { facts.append("took \(Rendering.duration(from: run.createdAt, to: endedAt))") }
        if run.status == .queued { facts.append("next \(Rendering.timestamp(run.nextAt))") }
        if let parent = run.parentRunId { facts.append("invoked by \(parent)") }
        let retries = timeline.count { $0.kind == .stepRetrying || $0.kind == .runRetrying }
        if retries > 0 { facts.append("\(retries) failed attempt\(retries == 1 ? "" : "s") retried") }
        print("  " + facts.joined(separator: ", "))
        if let output = run.output { print("  output: \(output.jsonString)") }
        if let error = run.error { print("  error: \(error.name): \(error.message)") }
        var previous = timeline.first?.at ?? run.createdAt
        for entry in timeline {
            // The time since the line before: for a step, how long it ran since the previous one ended.
            let offset = Rendering.padded("+" + Rendering.duration(from: previous, to: entry.at), 10)
            print("  \(offset) \(entry.kind.rawValue)\(entry.step.map { " \($0)" } ?? "")\(entry.detail.isEmpty ? "" : ": \(entry.detail)")")
            previous = entry.at
        }
    }

    /// Replays every failed run that matches, with a progress bar on a terminal.
    private func rerun(_ arguments: CommandLineArguments, inspector: EngineInspector) async throws {
        let runs = try await inspector.runs(status: .failed, functionId: arguments.options["function"], eventName: arguments.options["event"],
                                            since: try since(arguments), limit: try limit(arguments, default: 10_000))
        guard !runs.isEmpty else { return print("no failed run matches") }
        let progress = ProgressBar(total: runs.count)
        var queued = 0
        for run in runs {
            if try await inspector.replay(runId: run.runId) != nil { queued += 1 }
            progress.advance()
        }
        progress.finish()
        print("queued \(queued) replay\(queued == 1 ? "" : "s") of failed runs")
    }

    /// Prints timeline lines as they are recorded, until interrupted.
    private func tail(functionId: String?, json: Bool, inspector: EngineInspector) async throws {
        var cursor = try await inspector.activity(after: nil).cursor
        if !json { FileHandle.standardError.write(Data("following new runs (Ctrl-C to stop)\n".utf8)) }
        while true {
            let (lines, next) = try await inspector.activity(after: cursor)
            cursor = next
            for line in lines where functionId == nil || line.functionId == functionId {
                if json {
                    var document = Rendering.json(line.entry)
                    if case .object(var members) = document {
                        members["runId"] = .string(line.runId)
                        members["functionId"] = .string(line.functionId)
                        document = .object(members)
                    }
                    print(document.jsonString)
                } else {
                    print("\(Rendering.timestamp(line.entry.at))  \(line.functionId)  \(line.runId)  \(line.entry.kind.rawValue)"
                          + (line.entry.step.map { " \($0)" } ?? "") + (line.entry.detail.isEmpty ? "" : ": \(line.entry.detail)"))
                }
            }
            // Lines reach a pipe (`inngest tail | grep …`) as they come, not when its buffer fills.
            fflush(nil)
            // A full page means more lines are waiting: read them at once.
            if lines.count < 500 { try await Task.sleep(for: .milliseconds(200)) }
        }
    }

    private func eventsToSend(_ arguments: CommandLineArguments) throws -> [InngestEvent] {
        if let file = arguments.options["file"] {
            guard arguments.positional.isEmpty, arguments.options["data"] == nil else {
                throw UsageError("send takes either --file or a name with --data, not both")
            }
            let bytes: [UInt8]
            if file == "-" {
                bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            } else {
                guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("cannot read \(file)") }
                bytes = Array(data)
            }
            let document: JSONValue
            do { document = try JSONValue(json: bytes) } catch { throw CommandFailure("\(file) is not JSON: \(error)") }
            let objects: [JSONValue] = if case .array(let items) = document { items } else { [document] }
            return try objects.enumerated().map { index, object in
                do { return try InngestEvent(json: object) } catch {
                    throw CommandFailure("event \(index + 1) of \(file): \(error)")
                }
            }
        }
        let name = try single(arguments, "NAME")
        var data = JSONValue.object([:])
        if let text = arguments.options["data"] {
            do { data = try JSONValue(json: Array(text.utf8)) } catch { throw CommandFailure("--data is not JSON: \(error)") }
        }
        return [InngestEvent(name: name, data: data, id: arguments.options["id"])]
    }

    private func single(_ arguments: CommandLineArguments, _ what: String) throws(UsageError) -> String {
        guard arguments.positional.count == 1, let word = arguments.positional.first else {
            throw UsageError("\(verb) takes one \(what)" + (arguments.positional.count > 1 ? ", not \(arguments.positional.count)" : ""))
        }
        return word
    }

    private func status(_ arguments: CommandLineArguments) throws(UsageError) -> RunStatus? {
        guard let text = arguments.options["status"] else { return nil }
        guard let status = RunStatus(rawValue: text) else {
            throw UsageError("unknown status \(text); expected \(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return status
    }

    private func limit(_ arguments: CommandLineArguments, default value: Int = 50) throws(UsageError) -> Int {
        guard let text = arguments.options["limit"] else { return value }
        guard let limit = Int(text), limit > 0 else { throw UsageError("--limit takes a positive number, not \(text)") }
        return limit
    }

    /// `--since`: a duration back from now (`90s`, `30m`, `2h`) or an ISO 8601 time.
    private func since(_ arguments: CommandLineArguments) throws(UsageError) -> Date? {
        guard let text = arguments.options["since"] else { return nil }
        if let duration = try? TimeString.parse(text) {
            let (seconds, attoseconds) = duration.components
            return SystemClock().now().addingTimeInterval(-(Double(seconds) + Double(attoseconds) / 1e18))
        }
        for fractional in [false, true] {
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: fractional)) { return date }
        }
        throw UsageError("--since takes a duration such as 30m or 2h, or a time such as 2026-12-01T10:00:00Z, not \(text)")
    }
}

/// A command that could not be carried out: exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
