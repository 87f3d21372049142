#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestTime

/// The step tools of one execution: `context.step`.
///
/// Every step has an id unique within the handler (a repeated id is numbered `id:1`, `id:2`… as
/// Inngest does). A step that completed is never run again: on a replay its recorded result is
/// returned instead.
///
/// Steps may run in parallel, from `async let` or a task group:
/// ```swift
/// async let user = context.step.run("load-user") { try await users.find(id) }
/// async let plan = context.step.run("load-plan") { try await plans.find(id) }
/// let (u, p) = try await (user, plan)
/// ```
/// Branches advance together, one step each: every branch reaches its next step, then those steps
/// run (the embedded engine runs them concurrently; served to Inngest, they are planned together and
/// Inngest runs each in its own call), then every branch continues. Repeated ids are numbered in the
/// order the branches reach them, which depends on the code only. Keep code between steps free of
/// I/O: a branch waiting on I/O outside a step joins a later round, which stays correct but is less
/// parallel.
public struct Step: Sendable {
    let session: ExecutionSession

    /// Runs `body` once, durably: its result is recorded before the handler continues, and returned
    /// from the record on every later replay. A thrown error is retried with backoff up to the
    /// function's retries; after that, `StepError` is thrown here.
    /// - Parameters:
    ///   - id: the step id, unique within the handler.
    ///   - body: the work; its result must round-trip through JSON.
    /// - Returns: the result, decoded from its recorded JSON (the same value a replay sees).
    /// - Throws: `StepError` when the step failed for good.
    nonisolated(nonsending) public func run<T: Codable & Sendable>(_ id: String, _ body: () async throws -> T) async throws -> T {
        let value = try await session.runStep(id, type: nil) { _, _ in try JSONValue(encoding: try await body()) }
        return try decode(value, as: T.self, step: id)
    }

    /// Runs `body` once, durably, on an input that Inngest records with the step (`opts.input`) and
    /// shows in its UI, where a run can be replayed from this step with a new input: the body then
    /// runs again with that input instead of `input`.
    ///
    /// ```swift
    /// let receipt = try await context.step.run("charge", input: order.total) { amount in
    ///     try await payments.charge(amount)
    /// }
    /// ```
    /// - Parameters:
    ///   - id: the step id, unique within the handler.
    ///   - input: what the body works on; it must round-trip through JSON.
    ///   - body: the work, given `input` (or the input a rerun asked for).
    /// - Returns: the result, decoded from its recorded JSON.
    /// - Throws: `StepError` when the step failed for good.
    nonisolated(nonsending) public func run<Input: Codable & Sendable, T: Codable & Sendable>(_ id: String, input: Input,
                                                                   _ body: (Input) async throws -> T) async throws -> T {
        let declared = try JSONValue(encoding: input)
        let value = try await session.runStep(id, type: nil, input: [declared]) { _, override in
            try JSONValue(encoding: try await body(try Self.input(override, or: input, step: id)))
        }
        return try decode(value, as: T.self, step: id)
    }

    /// Runs `body` once, durably, for its effect only, on an input Inngest records and can replace
    /// (see `run(_:input:_:)`).
    /// - Parameters:
    ///   - id: the step id, unique within the handler.
    ///   - input: what the body works on.
    ///   - body: the work.
    /// - Throws: `StepError` when the step failed for good.
    nonisolated(nonsending) public func run<Input: Codable & Sendable>(_ id: String, input: Input, _ body: (Input) async throws -> Void) async throws {
        let declared = try JSONValue(encoding: input)
        _ = try await session.runStep(id, type: nil, input: [declared]) { _, override in
            try await body(try Self.input(override, or: input, step: id))
            return .null
        }
    }

    /// The input a rerun asked for (the one argument of `override`), or the declared one.
    private static func input<Input: Decodable>(_ override: [JSONValue]?, or declared: Input, step id: String) throws -> Input {
        guard let override else { return declared }
        guard override.count == 1 else {
            throw NonRetriableError("step \"\(id)\" takes one input, but the rerun gave it \(override.count) (\(JSONValue.array(override).jsonString.prefix(80)))")
        }
        do {
            return try override[0].decode(Input.self)
        } catch {
            throw NonRetriableError("the input given to rerun step \"\(id)\" does not decode into \(Input.self): \(error)", cause: error)
        }
    }

    /// Runs `body` once, durably, for its effect only.
    /// - Parameters:
    ///   - id: the step id, unique within the handler.
    ///   - body: the work.
    /// - Throws: `StepError` when the step failed for good.
    nonisolated(nonsending) public func run(_ id: String, _ body: () async throws -> Void) async throws {
        _ = try await session.runStep(id, type: nil) { _, _ in
            try await body()
            return .null
        }
    }

    /// Pauses the run durably for `duration`; the process may stop meanwhile.
    /// - Parameters:
    ///   - id: the step id.
    ///   - duration: how long, at most a year.
    nonisolated(nonsending) public func sleep(_ id: String, for duration: Duration) async throws {
        guard duration > .zero else { return try await sleep(id, until: session.clock.now()) }
        _ = try await session.suspendingStep(id, op: .sleep, opts: .object(["duration": .string(TimeString.format(duration))]))
    }

    /// Pauses the run durably until `date`.
    /// - Parameters:
    ///   - id: the step id.
    ///   - date: when to continue; a past date continues at once.
    nonisolated(nonsending) public func sleep(_ id: String, until date: Date) async throws {
        // The text has whole milliseconds, and Foundation drops what is beyond them: the date is
        // rounded up to its millisecond first (1 µs of tolerance for the `Double` in `Date`), then
        // given half a millisecond so that the truncation lands on it, so the sleep never ends early.
        let milliseconds = (date.timeIntervalSince1970 * 1000 - 0.001).rounded(.up)
        let text = Date(timeIntervalSince1970: (milliseconds + 0.5) / 1000)
            .formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        _ = try await session.suspendingStep(id, op: .sleep, opts: .object(["duration": .string(text)]))
    }

    /// Sends events as a step: sent once, even if the handler is replayed or retried. Events
    /// without an id get one derived from the run and step, so a crash between sending and
    /// recording cannot trigger their functions twice.
    /// - Parameters:
    ///   - id: the step id.
    ///   - events: the events.
    /// - Returns: the ids of the sent events.
    @discardableResult
    nonisolated(nonsending) public func sendEvent(_ id: String, _ events: [any EventConvertible]) async throws -> [String] {
        let envelopes = try events.map { try $0.eventEnvelope() }
        guard let sender = session.events else {
            throw NotSupportedError("step.sendEvent without an event client (configure the app with an engine or an event key)")
        }
        let runId = session.request.runId
        let value = try await session.runStep(id, type: "step.sendEvent") { hashed, _ in
            let stamped = envelopes.enumerated().map { index, envelope in
                var envelope = envelope
                if envelope.id == nil { envelope.id = "\(runId)-\(hashed.prefix(16))-\(index)" }
                return envelope
            }
            let ids = try await sender.send(stamped)
            StepInterception.current?.sent(stamped, runId: runId, stepId: id)
            return .object(["ids": .array(ids.map(JSONValue.string))])
        }
        return try decode(value, as: SendResult.self, step: id).ids
    }

    /// Sends one event as a step.
    /// - Returns: its id.
    @discardableResult
    nonisolated(nonsending) public func sendEvent(_ id: String, _ event: some EventConvertible) async throws -> String {
        try await sendEvent(id, [event]).first ?? ""
    }

    /// Waits durably for an event of type `E`, up to `timeout`; only events accepted after the wait
    /// starts count, as in Inngest.
    ///
    /// ```swift
    /// let approval = try await context.step.waitForEvent("approval", OrderApproved.self, match: \.orderId, timeout: .hours(24))
    /// let big = try await context.step.waitForEvent("big", Payment.self, if: "async.data.cents > 10000", timeout: .days(7))
    /// ```
    /// - Parameters:
    ///   - id: the step id.
    ///   - type: the awaited event type.
    ///   - match: a stored property (or a path of them) that must be equal in the triggering and the
    ///     awaited event's data: `event.data.<path> == async.data.<path>`. The property name is the
    ///     JSON key; with custom `CodingKeys`, write the expression with `if:` instead.
    ///   - expression: an Inngest expression over `event` (this run's event) and `async` (the
    ///     candidate), e.g. `async.data.total > 100`; with `match`, both must hold.
    ///   - timeout: how long to wait, at most 366 days.
    /// - Returns: the event, or `nil` when the timeout passed first.
    nonisolated(nonsending) public func waitForEvent<E: Event>(_ id: String, _ type: E.Type, match: PartialKeyPath<E>? = nil, if expression: String? = nil,
                                       timeout: Duration) async throws -> E? {
        var condition = expression
        if let match {
            guard let path = Self.propertyPath(match) else {
                throw NonRetriableError("step.waitForEvent \"\(id)\": match: must name stored properties (\(match)); write the condition with if: instead")
            }
            let equality = "event.data.\(path) == async.data.\(path)"
            condition = expression.map { "\(equality) && (\($0))" } ?? equality
        }
        guard let event = try await waitForEvent(id, event: E.name, if: condition, timeout: timeout) else { return nil }
        return try event.payload(as: E.self)
    }

    /// Waits durably for an event by name, untyped, up to `timeout`.
    /// - Parameters:
    ///   - id: the step id.
    ///   - name: the awaited event name.
    ///   - expression: an Inngest expression over `event` and `async` that must hold.
    ///   - timeout: how long to wait, at most 366 days.
    /// - Returns: the event, or `nil` when the timeout passed first.
    nonisolated(nonsending) public func waitForEvent(_ id: String, event name: String, if expression: String? = nil, timeout: Duration) async throws -> InngestEvent? {
        guard timeout > .zero, timeout <= InngestEvent.maximumDelay else {
            throw NonRetriableError("step.waitForEvent \"\(id)\": the timeout must be between 0 and 366 days, not \(timeout)")
        }
        try session.checkWaitExpression(expression, step: id)
        var opts: [String: JSONValue] = ["event": .string(name), "timeout": .string(TimeString.format(timeout))]
        if let expression { opts["if"] = .string(expression) }
        let value = try await session.suspendingStep(id, op: .waitForEvent, opts: .object(opts))
        if value == .null { return nil }
        do {
            return try InngestEvent(json: value)
        } catch {
            throw NonRetriableError("the recorded result of step.waitForEvent \"\(id)\" is not an event: \(error)")
        }
    }

    /// `orderId` for `\OrderApproved.orderId`, `customer.id` for a nested path; `nil` for computed
    /// properties, which a key path's description cannot name.
    static func propertyPath<Root>(_ keyPath: PartialKeyPath<Root>) -> String? {
        let prefix = "\\\(Root.self)."
        let text = String(describing: keyPath)
        guard text.hasPrefix(prefix) else { return nil }
        let path = String(text.dropFirst(prefix.count))
        let valid = path.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            part.first.map { $0.isLetter || $0 == "_" } == true && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        return valid ? path : nil
    }

    /// Invokes another function of this app and waits for its output, durably: the invoked
    /// function runs as its own run (with its own retries), and this run resumes with its result.
    /// - Parameters:
    ///   - id: the step id.
    ///   - function: the function to run.
    ///   - payload: its input, delivered as the invoked run's event data.
    ///   - timeout: how long to wait for it; Inngest's default is a year.
    /// - Returns: the function's output.
    /// - Throws: `StepError` when the invoked run failed, was cancelled, or did not finish in time
    ///   (`InngestInvokeTimeoutError`).
    nonisolated(nonsending) public func invoke<F: InngestFunction>(_ id: String, _ function: F.Type, with payload: F.Input,
                                           timeout: Duration? = nil) async throws -> F.Output where F.Input: Encodable, F.Output: Decodable {
        let value = try await invoke(id, functionId: session.compositeId(of: F.id), data: try JSONValue(encoding: payload), timeout: timeout)
        return try decode(value, as: F.Output.self, step: id)
    }

    /// Invokes another function of this app that returns nothing, and waits until it finished.
    /// - Parameters: as for the typed form.
    /// - Throws: `StepError` when the invoked run failed, was cancelled, or did not finish in time.
    nonisolated(nonsending) public func invoke<F: InngestFunction>(_ id: String, _ function: F.Type, with payload: F.Input,
                                           timeout: Duration? = nil) async throws where F.Input: Encodable, F.Output == Void {
        _ = try await invoke(id, functionId: session.compositeId(of: F.id), data: try JSONValue(encoding: payload), timeout: timeout)
    }

    /// Invokes any function by its Inngest id, `<app id>-<function id>` (a function of another app
    /// served to the same Inngest server, or of this one), untyped.
    /// - Parameters:
    ///   - id: the step id.
    ///   - functionId: the composite function id, e.g. `billing-charge-customer`.
    ///   - data: the invoked run's event data, a JSON object.
    ///   - timeout: how long to wait; Inngest's default is a year.
    /// - Returns: the function's output as JSON.
    /// - Throws: `StepError` when the invoked run failed, was cancelled, or did not finish in time.
    nonisolated(nonsending) public func invoke(_ id: String, functionId: String, data: JSONValue, timeout: Duration? = nil) async throws -> JSONValue {
        guard case .object = data else {
            throw NonRetriableError("step.invoke \"\(id)\": the payload must encode as a JSON object (the invoked run's event data), not \(data.jsonString.prefix(40))")
        }
        if let problem = data.payloadProblem(path: "the payload of step.invoke \"\(id)\"") { throw NonRetriableError(problem) }
        var opts: [String: JSONValue] = ["function_id": .string(functionId), "payload": .object(["data": data])]
        if let timeout {
            guard timeout > .zero else { throw NonRetriableError("step.invoke \"\(id)\": the timeout must be positive, not \(timeout)") }
            opts["timeout"] = .string(TimeString.format(timeout))
        }
        return try await session.suspendingStep(id, op: .invokeFunction, opts: .object(opts))
    }

    private struct SendResult: Decodable { var ids: [String] }

    private func decode<T: Decodable>(_ value: JSONValue, as type: T.Type, step id: String) throws -> T {
        do {
            return try value.decode(T.self)
        } catch {
            if StepInterception.current != nil {
                throw NonRetriableError(
                    "the result of step \"\(id)\" would not survive Inngest's memo: its JSON \(value.jsonString.prefix(80)) does not decode "
                        + "into \(T.self), the type the step's call expects (\(error)). A mock of the step must return a \(T.self); a "
                        + "real step's type must decode what it encodes.", cause: error)
            }
            throw NonRetriableError(
                "the recorded result of step \"\(id)\" does not decode into \(T.self): the step's result type changed "
                    + "since it ran. Give the step a new id when its result type changes.", cause: error)
        }
    }
}
