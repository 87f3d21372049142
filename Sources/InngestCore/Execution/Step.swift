import Foundation
import InngestTime

/// The step tools of one execution: `context.step`.
///
/// Every step has an id unique within the handler (a repeated id is numbered `id:1`, `id:2`… as
/// Inngest does). A step that completed is never run again: on a replay its recorded result is
/// returned instead.
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
    public func run<T: Codable & Sendable>(_ id: String, _ body: () async throws -> T) async throws -> T {
        let value = try await session.runStep(id, type: nil) { _ in try JSONValue(encoding: try await body()) }
        return try decode(value, as: T.self, step: id)
    }

    /// Runs `body` once, durably, for its effect only.
    /// - Parameters:
    ///   - id: the step id, unique within the handler.
    ///   - body: the work.
    /// - Throws: `StepError` when the step failed for good.
    public func run(_ id: String, _ body: () async throws -> Void) async throws {
        _ = try await session.runStep(id, type: nil) { _ in
            try await body()
            return .null
        }
    }

    /// Pauses the run durably for `duration`; the process may stop meanwhile.
    /// - Parameters:
    ///   - id: the step id.
    ///   - duration: how long, at most a year.
    public func sleep(_ id: String, for duration: Duration) async throws {
        guard duration > .zero else { return try await sleep(id, until: session.clock.now()) }
        _ = try session.suspendingStep(id, op: .sleep, opts: .object(["duration": .string(TimeString.format(duration))]))
    }

    /// Pauses the run durably until `date`.
    /// - Parameters:
    ///   - id: the step id.
    ///   - date: when to continue; a past date continues at once.
    public func sleep(_ id: String, until date: Date) async throws {
        let text = date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        _ = try session.suspendingStep(id, op: .sleep, opts: .object(["duration": .string(text)]))
    }

    /// Sends events as a step: sent once, even if the handler is replayed or retried. Events
    /// without an id get one derived from the run and step, so a crash between sending and
    /// recording cannot trigger their functions twice.
    /// - Parameters:
    ///   - id: the step id.
    ///   - events: the events.
    /// - Returns: the ids of the sent events.
    @discardableResult
    public func sendEvent(_ id: String, _ events: [any EventConvertible]) async throws -> [String] {
        let envelopes = try events.map { try $0.eventEnvelope() }
        guard let sender = session.events else {
            throw NotSupportedError("step.sendEvent without an event client (configure the app with an engine or an event key)")
        }
        let runId = session.request.runId
        let value = try await session.runStep(id, type: "step.sendEvent") { hashed in
            let stamped = envelopes.enumerated().map { index, envelope in
                var envelope = envelope
                if envelope.id == nil { envelope.id = "\(runId)-\(hashed.prefix(16))-\(index)" }
                return envelope
            }
            let ids = try await sender.send(stamped)
            return .object(["ids": .array(ids.map(JSONValue.string))])
        }
        return try decode(value, as: SendResult.self, step: id).ids
    }

    /// Sends one event as a step.
    /// - Returns: its id.
    @discardableResult
    public func sendEvent(_ id: String, _ event: some EventConvertible) async throws -> String {
        try await sendEvent(id, [event]).first ?? ""
    }

    /// Waits for an event of type `E`, matched on a field of the triggering event, up to `timeout`.
    /// Not supported yet: throws `NotSupportedError` rather than returning as if nothing arrived.
    /// - Parameters:
    ///   - id: the step id.
    ///   - type: the awaited event type.
    ///   - match: a field that must be equal in the triggering and the awaited event.
    ///   - expression: an Inngest expression over `event` and `async`.
    ///   - timeout: how long to wait.
    /// - Returns: the event, or `nil` on timeout.
    public func waitForEvent<E: Event>(_ id: String, _ type: E.Type, match: PartialKeyPath<E>? = nil, if expression: String? = nil,
                                       timeout: Duration) async throws -> E? {
        throw NotSupportedError("step.waitForEvent")
    }

    /// Invokes another function and returns its output. Not supported yet: throws `NotSupportedError`.
    /// - Parameters:
    ///   - id: the step id.
    ///   - function: the function to run.
    ///   - payload: its input.
    ///   - timeout: how long to wait for it.
    /// - Returns: the function's output.
    public func invoke<F: InngestFunction>(_ id: String, _ function: F.Type, with payload: F.Input,
                                           timeout: Duration? = nil) async throws -> F.Output where F.Output: Decodable {
        throw NotSupportedError("step.invoke")
    }

    private struct SendResult: Decodable { var ids: [String] }

    private func decode<T: Decodable>(_ value: JSONValue, as type: T.Type, step id: String) throws -> T {
        do {
            return try value.decode(T.self)
        } catch {
            throw NonRetriableError(
                "the recorded result of step \"\(id)\" does not decode into \(T.self): the step's result type changed "
                    + "since it ran. Give the step a new id when its result type changes.", cause: error)
        }
    }
}
