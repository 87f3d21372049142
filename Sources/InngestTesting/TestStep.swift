import Inngest

/// A step of a run under test: every attempt of it, and how it ended.
public struct TestStep: Sendable, Hashable {
    /// One attempt of a step: its number and what it produced.
    public struct Attempt: Sendable, Hashable {
        /// The 0-based attempt number, as `context.attempt` reads it.
        public let number: Int
        /// The result, when the attempt succeeded.
        public let output: JSONValue?
        /// The error, when the attempt failed.
        public let error: SerializedError?
    }

    /// The step id as written.
    public let id: String
    /// The hashed id (`id:N` for repeats, hashed as Inngest does).
    public let hashedId: String
    /// The tool: `step.run`, `step.sendEvent`, `step.sleep`, `step.waitForEvent` or `step.invoke`.
    public let tool: String
    /// Whether a `StepMock` answered it instead of its body.
    public let isMocked: Bool
    /// Every attempt of a `step.run` or `step.sendEvent` (or of a mocked step), in order; empty for a sleep, a
    /// wait or an invoke, which Inngest does not attempt.
    public let attempts: [Attempt]
    /// The recorded result: the last successful attempt's output, or what a sleep, wait or invoke
    /// resolved to (`null` for a finished sleep or a timed-out wait); `nil` while it has none.
    public let output: JSONValue?

    /// The error of the last attempt, when it failed.
    public var error: SerializedError? { attempts.last?.error }

    /// Whether the step has a recorded result.
    public var isCompleted: Bool { output != nil }

    /// The recorded result decoded as `T`, as a replay would read it.
    /// - Throws: `TestRunError` when the step has no result, or the result does not decode.
    public func output<T: Decodable>(as type: T.Type) throws -> T {
        guard let output else { throw TestRunError("step \"\(id)\" has no result\(error.map { ": it failed with \($0)" } ?? "")") }
        do {
            return try output.decode(T.self)
        } catch {
            throw TestRunError("the result of step \"\(id)\", \(output.jsonString.prefix(120)), does not decode into \(T.self): \(error)")
        }
    }
}
