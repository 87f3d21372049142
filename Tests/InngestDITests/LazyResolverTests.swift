import InngestDI
import Testing

/// A resolver kept by a factory at boot keeps working afterwards (lazy resolution).
@Suite struct LazyResolverTests {
    final class Job: Sendable {}
    final class Scheduler: Sendable {
        let resolver: Resolver
        init(resolver: Resolver) { self.resolver = resolver }
        func makeJob() async throws -> Job { try await resolver.resolve(Job.self) }
    }
    final class Clock: Sendable {}

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [JobsModule.self])
        }
    }
    enum JobsModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("JobsModule", providers: [
                ProviderDescriptor(Scheduler.self) { Scheduler(resolver: $0) },
                ProviderDescriptor(Job.self, scope: .transient) { _ in Job() },
                ProviderDescriptor(Clock.self) { _ in Clock() },
            ], exports: [Scheduler.self])
        }
    }

    @Test func keptResolverResolvesInItsModuleAfterBoot() async throws {
        let container = try await Container.boot(AppModule.self)
        let scheduler = try container.get(Scheduler.self)
        #expect(scheduler.resolver.moduleName == "JobsModule")
        #expect(try await scheduler.makeJob() !== scheduler.makeJob())
        let jobs = try #require(container.resolver(forModule: "JobsModule"))
        #expect(try await scheduler.resolver.resolve(Clock.self) === jobs.resolve(Clock.self))
        // Job is private to JobsModule.
        #expect(try await container.rootResolver.resolveOptional(Job.self) == nil)
    }
}
