import InngestDI
import Testing

/// Boots `root` expecting validation to fail, and returns the problems (empty if boot succeeded).
func problems(
    booting root: any Module.Type, rootProviders: [ProviderDescriptor] = [],
    globalProviders: [ProviderDescriptor] = [], overrides: [ProviderDescriptor] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) async -> [DependencyProblem] {
    do {
        _ = try await Container.boot(
            root, rootProviders: rootProviders, globalProviders: globalProviders, overrides: overrides
        )
        Issue.record("Expected boot to fail validation", sourceLocation: sourceLocation)
        return []
    } catch let error as DependencyGraphError {
        return error.problems
    } catch {
        Issue.record("Expected DependencyGraphError, got \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// A simple error with a readable description.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
}
