import Foundation
import InngestCore
import InngestEngine

/// How the command line prints what it reads: text for people, JSON for scripts (`--json`).
enum Rendering {
    /// `2026-12-02T06:40:01.123Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `35 ms`, `2.4 s`, `3 min 10 s`.
    static func duration(from start: Date, to end: Date) -> String {
        let milliseconds = max(0, Int64(((end.timeIntervalSince1970 - start.timeIntervalSince1970) * 1000).rounded()))
        if milliseconds < 1_000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 { return String(format: "%.1f s", Double(milliseconds) / 1000) }
        return "\(milliseconds / 60_000) min \(milliseconds % 60_000 / 1000) s"
    }

    /// A run as JSON.
    static func json(_ run: RunRecord) -> JSONValue {
        var members: [String: JSONValue] = [
            "runId": .string(run.runId), "functionId": .string(run.functionId), "eventName": .string(run.eventName),
            "eventId": .string(run.eventId), "status": .string(run.status.rawValue), "attempt": .integer(Int64(run.attempt)),
            "createdAt": .string(timestamp(run.createdAt)),
        ]
        if run.status == .queued { members["nextAt"] = .string(timestamp(run.nextAt)) }
        if let endedAt = run.endedAt { members["endedAt"] = .string(timestamp(endedAt)) }
        if let output = run.output { members["output"] = output }
        if let error = run.error { members["error"] = error.jsonValue }
        if let parent = run.parentRunId { members["parentRunId"] = .string(parent) }
        if let waiting = run.waitingFor { members["waitingFor"] = .string(waiting) }
        return .object(members)
    }

    /// A timeline line as JSON.
    static func json(_ entry: TimelineEntry) -> JSONValue {
        var members: [String: JSONValue] = [
            "at": .string(timestamp(entry.at)), "kind": .string(entry.kind.rawValue), "detail": .string(entry.detail),
        ]
        if let step = entry.step { members["step"] = .string(step) }
        return .object(members)
    }

    /// A registered function as JSON.
    static func json(_ function: FunctionRecord) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(function.id), "name": .string(function.name), "config": function.config,
            "registeredAt": .string(timestamp(function.registeredAt)),
        ]
        if let location = function.location { members["location"] = .string(location) }
        return .object(members)
    }

    /// A function's triggers in one line: `event order/placed if …, cron 0 * * * *`.
    static func triggers(of function: FunctionRecord) -> String {
        guard case .array(let triggers)? = function.config["triggers"] else { return "" }
        return triggers.map { trigger in
            if case .string(let cron)? = trigger["cron"] { return "cron \(cron)" }
            let name = trigger["event"].flatMap { if case .string(let name) = $0 { name } else { nil } } ?? "?"
            if case .string(let expression)? = trigger["expression"] { return "event \(name) if \(expression)" }
            return "event \(name)"
        }.joined(separator: ", ")
    }

    /// The options beyond triggers, as `name=value` pairs.
    static func options(of function: FunctionRecord) -> String {
        guard case .object(let members) = function.config else { return "" }
        return members.filter { $0.key != "triggers" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.jsonString)" }.joined(separator: " ")
    }

    /// Pads `text` to `width` characters.
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
