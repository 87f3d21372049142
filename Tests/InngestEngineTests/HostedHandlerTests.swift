import Foundation
import Inngest
import InngestTesting
import Synchronization
import Testing

/// Run-scoped providers inside real runs, and handlers resolving in the module that lists them.
@Suite struct HostedHandlerTests {
    /// Counts instances and end notifications across the test's runs.
    final class Tally: Sendable {
        let built = Atomic<Int>(0)
        let ended = Atomic<Int>(0)
    }
    /// One per invocation.
    final class UnitOfWork: OnRunEnd, Sendable {
        let tally: Tally
        let serial: Int
        init(tally: Tally) {
            self.tally = tally
            serial = tally.built.add(1, ordering: .relaxed).newValue
        }
        func onRunEnd() async { tally.ended.add(1, ordering: .relaxed) }
    }
    /// Private to `WorkModule`: only a handler hosted there can see it.
    final class Secret: Sendable { let value = "from-work-module" }

    struct Work: InngestFunction {
        static let id = "hosted-work"
        static let trigger = Trigger.event(Ping.self)
        let first: UnitOfWork
        let second: UnitOfWork
        let secret: Secret

        func handle(_ ping: Ping, context: Context) async throws -> String {
            // Parallel steps of one invocation see the handler's instance.
            async let a = context.step.run("a") { first.serial }
            async let b = context.step.run("b") { second.serial }
            let (x, y) = try await (a, b)
            return "\(secret.value) \(x == y) \(first === second)"
        }
    }

    static let tally = Tally()

    struct WorkModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("WorkModule", providers: [
                ProviderDescriptor(Secret.self) { _ in Secret() },
                ProviderDescriptor(UnitOfWork.self, scope: .run) { _ in UnitOfWork(tally: HostedHandlerTests.tally) },
            ], functions: [Work.self])
        }
    }
    struct Root: Module {
        static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("Root", imports: [WorkModule.self]) }
    }

    static let work = FunctionDefinition(
        Work.self,
        dependencies: [.init("first", UnitOfWork.self), .init("second", UnitOfWork.self), .init("secret", Secret.self)],
        consumer: "Work.init(first:second:secret:)"
    ) { resolver in
        Work(first: try await resolver.resolve(UnitOfWork.self), second: try await resolver.resolve(UnitOfWork.self),
             secret: try await resolver.resolve(Secret.self))
    }

    @Test func aHandlerListedByAModuleSeesItsPrivateProvidersAndRunScopedOnesArePerInvocation() async throws {
        let app = try await InngestTestApp.boot(Root.self, functions: [Self.work])
        try await app.send(Ping(id: "1"))
        try await app.runUntilIdle()
        let run = try #require(try await app.runs().first)
        #expect(run.status == .completed)
        #expect(run.output == .string("from-work-module true true"))
        let built = Self.tally.built.load(ordering: .relaxed)
        #expect(built >= 1)
        #expect(Self.tally.ended.load(ordering: .relaxed) == built)
    }

    @Test func unlistedTheSameHandlerCannotSeeTheModulesPrivateProvider() async throws {
        struct Bare: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Bare", providers: [ProviderDescriptor(UnitOfWork.self, scope: .run) { _ in
                    UnitOfWork(tally: Tally())
                }])
            }
        }
        let error = await #expect(throws: DependencyGraphError.self) {
            try await InngestTestApp.boot(Bare.self, functions: [Self.work])
        }
        #expect(error?.problems.map(\.kind) == [.missingProvider])
        #expect("\(error.map { "\($0)" } ?? "")".contains("needs Secret for parameter 'secret'"))
    }
}
