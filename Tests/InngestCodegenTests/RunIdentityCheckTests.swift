import Foundation
import Testing

@testable import InngestCodegen

/// The framework's `RunIdentity` as the build check sees it: provided everywhere, with run scope.
@Suite struct RunIdentityCheckTests {
    @Test func aRunScopedProviderMayTakeItAndASingletonMayNot() {
        let output = generate(["A.swift": """
            // @inngest.injectable(scope: run)
            final class Trail: Sendable { init(run: RunIdentity) {} }
            // @inngest.injectable
            final class Keeper: Sendable { init(run: RunIdentity) {} }
            // @inngest.injectable
            final class Lazy: Sendable { init(run: Provider<RunIdentity>) {} }
            // @inngest.module(providers: [Trail, Keeper, Lazy])
            struct AppModule {}
            """])
        #expect(errors(output).map { $0.components(separatedBy: ":").prefix(3).joined(separator: ":") } == ["A.swift:4:13"], "\(errors(output))")
        #expect(errors(output).first?.contains("Keeper (singleton) depends on RunIdentity (run) for parameter 'run'") == true)
    }
}
