import InngestDI
import Testing

/// Concurrent resolution from many tasks.
@Suite struct ConcurrencyTests {
    final class Shared: Sendable {}
    final class Fresh: Sendable {
        let shared: Shared
        init(shared: Shared) { self.shared = shared }
    }

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", providers: [
                ProviderDescriptor(Shared.self) { _ in Shared() },
                ProviderDescriptor(Fresh.self, scope: .transient, dependencies: [.init("shared", Shared.self)]) {
                    Fresh(shared: try await $0.resolve(Shared.self))
                },
            ])
        }
    }

    @Test func thousandConcurrentResolves() async throws {
        let container = try await Container.boot(AppModule.self)
        let shared = try container.get(Shared.self)
        let results = try await withThrowingTaskGroup(of: (Shared, Fresh).self) { group in
            for _ in 0..<1000 {
                group.addTask {
                    (try await container.resolve(Shared.self), try await container.resolve(Fresh.self))
                }
            }
            var results: [(Shared, Fresh)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 1000)
        #expect(results.allSatisfy { $0.0 === shared && $0.1.shared === shared })
        #expect(Set(results.map { ObjectIdentifier($0.1) }).count == 1000)
    }
}
