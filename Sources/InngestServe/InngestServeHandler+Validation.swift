import InngestCore

extension InngestServeHandler {
    /// Checks the options of functions before they are served: the ranges of every flow-control
    /// option, that their expressions parse, and the combinations Inngest refuses at sync
    /// (`FunctionOptions.problems(functionId:)`). Call it at boot, before serving, so that a
    /// misconfigured app stops there; a handler created anyway logs the problems when it is created
    /// and refuses every sync with them, so that nothing half-valid is registered.
    /// - Parameter functions: the functions to serve.
    /// - Throws: `ServeConfigurationError` listing every problem, one a line.
    public static func validate(_ functions: [FunctionDefinition]) throws(ServeConfigurationError) {
        if let error = optionsError(functions) { throw error }
    }

    /// The error `validate(_:)` throws, or `nil` when every function's options are sound.
    static func optionsError(_ functions: [FunctionDefinition]) -> ServeConfigurationError? {
        let problems = functions.flatMap { $0.options.problems(functionId: $0.id) }
        guard !problems.isEmpty else { return nil }
        let heading = problems.count == 1 ? "a function option is invalid" : "\(problems.count) function options are invalid"
        return ServeConfigurationError("\(heading); fix the options before syncing:\n" + problems.joined(separator: "\n"))
    }
}
