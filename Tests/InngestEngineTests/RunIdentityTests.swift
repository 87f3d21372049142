import Foundation
import Inngest
import InngestTesting
import Testing

/// The framework's run-scoped `RunIdentity`, injected into a run-scoped provider of real runs.
@Suite struct RunIdentityTests {
    /// Built once per invocation, with the run it serves.
    final class AuditTrail: Sendable {
        let line: String
        init(run: RunIdentity) { line = "\(run.functionId) \(run.runId) attempt \(run.attempt)" }
    }

    struct Audited: InngestFunction {
        static let id = "audited"
        static let trigger = Trigger.event(Ping.self)
        let trail: AuditTrail

        func handle(_ ping: Ping, context: Context) async throws -> String { trail.line }
    }

    struct Root: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("Root", providers: [
                ProviderDescriptor(AuditTrail.self, scope: .run, dependencies: [.init("run", RunIdentity.self)]) { resolver in
                    AuditTrail(run: try await resolver.resolve(RunIdentity.self))
                },
            ])
        }
    }

    static let audited = FunctionDefinition(Audited.self, dependencies: [.init("trail", AuditTrail.self)], consumer: "Audited.init(trail:)") {
        Audited(trail: try await $0.resolve(AuditTrail.self))
    }

    @Test func aRunScopedProviderGetsTheIdentityOfTheRunItServes() async throws {
        let app = try await InngestTestApp.boot(Root.self, functions: [Self.audited])
        try await app.send(Ping(id: "1"))
        try await app.send(Ping(id: "2"))
        try await app.runUntilIdle()
        let runs = try await app.runs()
        #expect(runs.count == 2)
        for run in runs {
            #expect(run.status == .completed)
            #expect(run.output == .string("audited \(run.runId) attempt 0"))
        }
    }

    @Test func aSingletonThatTakesTheIdentityIsABootProblem() async throws {
        final class Holder: Sendable { init(run: RunIdentity) {} }
        struct Bad: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Bad", providers: [
                    ProviderDescriptor(Holder.self, dependencies: [.init("run", RunIdentity.self)]) { Holder(run: try await $0.resolve(RunIdentity.self)) },
                ])
            }
        }
        let error = await #expect(throws: DependencyGraphError.self) { try await InngestTestApp.boot(Bad.self) }
        #expect(error?.problems.map(\.kind) == [.scopeMismatch])
    }
}
