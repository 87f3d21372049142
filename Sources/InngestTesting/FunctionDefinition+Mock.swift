import Inngest

extension FunctionDefinition {
    /// A stand-in for the function `F` in tests: the same id, triggers and options, with `body`
    /// instead of the handler (no steps, no dependencies). Pass it as one of `InngestTestApp.boot`'s
    /// `mocks`, e.g. to answer a `step.invoke` of `F`.
    /// - Parameters:
    ///   - type: the function to stand in for.
    ///   - body: computes the output from the payload; a thrown error fails the run.
    public static func mock<F: InngestFunction>(_ type: F.Type, _ body: @escaping @Sendable (F.Input) async throws -> F.Output)
        -> FunctionDefinition where F.Output: Encodable {
        FunctionDefinition(id: F.id, name: F.name, triggers: F.trigger.definitions, options: F.options) { _, context in
            try JSONValue(encoding: try await body(try F.Input(triggeringEvents: context.events)))
        }
    }
}
