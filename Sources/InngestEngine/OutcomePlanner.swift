#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestTime

/// What the store writes after an execution: step rows, the run's new state, timeline lines, and
/// the runs and waits that suspending steps start.
struct RunWrites: Sendable {
    var steps: [StepWrite] = []
    var update: RunUpdate
    var timeline: [TimelineWrite] = []
    var invocations: [Invocation] = []
    var waits: [EventWait] = []

    /// The run fails for good with `error`.
    static func failure(_ error: SerializedError, step: String? = nil) -> RunWrites {
        RunWrites(update: .fail(error), timeline: [TimelineWrite(kind: .runFailed, step: step, detail: error.description)])
    }
}

/// Maps an execution's outcome onto store writes, as an Inngest server handles the SDK's response:
/// results are recorded, failed steps and bodies are retried with backoff, sleeps, waits and
/// invokes suspend the run until they resolve.
struct OutcomePlanner: Sendable {
    /// Inngest's default for how long `step.invoke` waits: a year.
    static let defaultInvokeTimeout: Int64 = 365 * 86_400_000

    let appId: String
    let functionIds: Set<String>
    let retryPolicy: RetryPolicy

    /// The writes for `outcome`. A run that goes on at once is due at `now`'s millisecond; sleeps,
    /// waits and invokes end no earlier than their duration after `now`.
    func plan(_ outcome: ExecutionOutcome, function: FunctionDefinition, failedAttempt: Int, runId: String,
              triggeringEvent: InngestEvent, now date: Date) -> RunWrites {
        let now = date.milliseconds
        switch outcome {
        case .completed(let output):
            return RunWrites(update: .complete(output), timeline: [TimelineWrite(kind: .runCompleted, step: nil, detail: Self.summary(output))])
        case .ops(let ops, let retryAfter):
            return plan(ops, retryAfter: retryAfter, function: function, failedAttempt: failedAttempt, runId: runId,
                        triggeringEvent: triggeringEvent, now: now, deadlinesFrom: date.millisecondsRoundedUp)
        case .failed(let error, let retriable, let retryAfter):
            if retriable && failedAttempt + 1 < function.options.maxAttempts {
                let at = retryAfter?.millisecondsRoundedUp ?? now + retryPolicy.delayMilliseconds(afterAttempt: failedAttempt)
                return RunWrites(update: .queue(attempt: failedAttempt + 1, nextAt: at), timeline: [TimelineWrite(
                    kind: .runRetrying, step: nil,
                    detail: "attempt \(failedAttempt + 1) of \(function.options.maxAttempts) failed: \(error); retrying in \(Delay.text(milliseconds: at - now))")])
            }
            return .failure(error)
        }
    }

    private func plan(_ ops: [GeneratorOp], retryAfter: Date?, function: FunctionDefinition, failedAttempt: Int, runId: String,
                      triggeringEvent: InngestEvent, now: Int64, deadlinesFrom start: Int64) -> RunWrites {
        var writes = RunWrites(update: .queue(attempt: 0, nextAt: now))
        var attempt = 0
        var retryAt: Int64?
        var wakes: [Int64] = []
        for op in ops {
            switch op.op {
            case .stepRun, .stepFailed:
                if let (write, line) = Self.result(of: op) {
                    writes.steps.append(write)
                    writes.timeline.append(line)
                }
            case .stepError:
                attempt = failedAttempt + 1
                let at = retryAfter?.millisecondsRoundedUp ?? now + retryPolicy.delayMilliseconds(afterAttempt: failedAttempt)
                retryAt = max(retryAt ?? at, at)
                let error = op.error.map(\.description) ?? "unknown error"
                writes.timeline.append(TimelineWrite(
                    kind: .stepRetrying, step: op.name,
                    detail: "attempt \(failedAttempt + 1) of \(function.options.maxAttempts) failed: \(error); retrying in \(Delay.text(milliseconds: at - now))"))
            case .sleep:
                guard let wake = Self.wakeTime(op.opts?["duration"]?.stringValue, now: start) else {
                    return .failure(SerializedError(name: "InvalidSleep", message: "step \"\(op.name)\" has an unreadable duration \(op.opts?.jsonString ?? "null")"),
                                    step: op.name)
                }
                writes.steps.append(StepWrite(hash: op.id, name: op.name, op: op.op.rawValue, memo: nil, wakeAt: wake))
                wakes.append(wake)
                writes.timeline.append(TimelineWrite(kind: .sleeping, step: op.name,
                                                     detail: "until \(Date(milliseconds: wake).formatted(.iso8601)) (\(Delay.text(milliseconds: wake - start)))"))
            case .invokeFunction:
                switch invocation(op, runId: runId, now: start) {
                case .started(let invocation, let expires):
                    writes.steps.append(StepWrite(hash: op.id, name: op.name, op: op.op.rawValue, memo: nil, wakeAt: expires))
                    writes.invocations.append(invocation)
                    wakes.append(expires)
                    writes.timeline.append(TimelineWrite(kind: .invoking, step: op.name,
                                                         detail: "\(invocation.functionId), waiting up to \(Delay.text(milliseconds: expires - start))"))
                case .refused(let error):
                    // The step fails at once, as a StepError the handler may catch.
                    writes.steps.append(StepWrite(hash: op.id, name: op.name, op: op.op.rawValue, memo: .error(error), wakeAt: nil))
                    writes.timeline.append(TimelineWrite(kind: .stepFailed, step: op.name, detail: error.description))
                }
            case .stepPlanned:
                break  // Executed on the next pass.
            case .waitForEvent:
                guard let name = op.opts?["event"]?.stringValue, let timeout = op.opts?["timeout"]?.stringValue,
                      let expires = Self.wakeTime(timeout, now: start) else {
                    return .failure(SerializedError(name: "InvalidWait", message: "step \"\(op.name)\" has no readable event or timeout: \(op.opts?.jsonString ?? "null")"),
                                    step: op.name)
                }
                writes.steps.append(StepWrite(hash: op.id, name: op.name, op: op.op.rawValue, memo: nil, wakeAt: expires))
                writes.waits.append(EventWait(step: op.id, eventName: name, expression: op.opts?["if"]?.stringValue,
                                              triggeringEvent: triggeringEvent.jsonValue, expiresAt: expires))
                wakes.append(expires)
                writes.timeline.append(TimelineWrite(kind: .waiting, step: op.name,
                                                     detail: "for \(name)\(op.opts?["if"]?.stringValue.map { " if \($0)" } ?? ""), up to \(Delay.text(milliseconds: expires - start))"))
            }
        }
        // Re-execute when the retry is due or the first suspension resolves (the store also wakes
        // the run at any earlier pending timer of its own).
        let nextAt = retryAt ?? wakes.min() ?? now
        writes.update = .queue(attempt: attempt, nextAt: nextAt)
        return writes
    }

    /// The run an `InvokeFunction` op starts, and when the invoke times out; or the step's error
    /// when it cannot start (no such function, a malformed op).
    private func invocation(_ op: GeneratorOp, runId: String, now: Int64) -> InvocationStart {
        guard let target = op.opts?["function_id"]?.stringValue, case .object(var data)? = op.opts?["payload"]?["data"] else {
            return .refused(SerializedError(name: "InvalidInvoke", message: "step \"\(op.name)\" has no function_id or payload.data: \(op.opts?.jsonString ?? "null")"))
        }
        let prefix = appId.isEmpty ? "" : appId + "-"
        let local = target.hasPrefix(prefix) && functionIds.contains(String(target.dropFirst(prefix.count)))
            ? String(target.dropFirst(prefix.count)) : (functionIds.contains(target) ? target : nil)
        guard let local else {
            return .refused(SerializedError(name: "FunctionNotFound",
                                            message: "step.invoke \"\(op.name)\": no function \"\(target)\" in this app (\(appId.isEmpty ? "no app id" : appId)); "
                                                + "the embedded engine runs only its own functions. Serve to an Inngest server to invoke other apps' functions"))
        }
        var expires = now + Self.defaultInvokeTimeout
        if let timeout = op.opts?["timeout"]?.stringValue {
            guard let at = Self.wakeTime(timeout, now: now) else {
                return .refused(SerializedError(name: "InvalidInvoke", message: "step \"\(op.name)\" has an unreadable timeout \(timeout)"))
            }
            expires = at
        }
        data["_inngest"] = .object([
            "fn_id": .string(target), "correlation_id": .string("\(runId).\(op.id)"), "expire": .integer(expires),
            "source_fn_id": .string(prefix + local), "source_app_id": .string(appId), "name": .string(op.name),
        ])
        return .started(Invocation(functionId: local, data: .object(data), step: op.id, stepName: op.name), expires: expires)
    }

    private enum InvocationStart {
        case started(Invocation, expires: Int64)
        case refused(SerializedError)
    }

    /// The step row and timeline line recording a finished step (`StepRun` or `StepFailed`).
    static func result(of op: GeneratorOp) -> (StepWrite, TimelineWrite)? {
        switch op.op {
        case .stepRun:
            let data = op.data ?? .null
            return (StepWrite(hash: op.id, name: op.name, op: op.op.rawValue, memo: .data(data), wakeAt: nil),
                    TimelineWrite(kind: .stepCompleted, step: op.name, detail: summary(data)))
        case .stepFailed:
            let error = op.error ?? SerializedError(name: "Error", message: "unknown")
            return (StepWrite(hash: op.id, name: op.name, op: op.op.rawValue, memo: .error(error), wakeAt: nil),
                    TimelineWrite(kind: .stepFailed, step: op.name, detail: error.description))
        default:
            return nil
        }
    }

    /// A wake time from an op: an RFC 3339 instant or an Inngest time string.
    static func wakeTime(_ text: String?, now: Int64) -> Int64? {
        guard let text else { return nil }
        if text.count >= 10, let date = try? Date(text, strategy: .iso8601) { return date.millisecondsRoundedUp }
        guard let duration = try? TimeString.parse(text) else { return nil }
        let (seconds, attoseconds) = duration.components
        // A part of a millisecond counts as a whole one: a timer never ends early.
        let (milliseconds, rest) = attoseconds.quotientAndRemainder(dividingBy: 1_000_000_000_000_000)
        return now + seconds * 1000 + milliseconds + (rest > 0 ? 1 : 0)
    }

    static func summary(_ value: JSONValue) -> String {
        let text = value.jsonString
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
