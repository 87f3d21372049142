import InngestDI
import Testing

/// Dependency cycles among providers are reported with their full path.
@Suite struct CycleTests {
    final class A: Sendable {}
    final class B: Sendable {}
    final class C: Sendable {}
    final class D: Sendable {}

    static func provider<T: Sendable>(
        _ type: T.Type, _ make: @escaping @Sendable () -> T, needs: [DependencyDescriptor]
    ) -> ProviderDescriptor {
        ProviderDescriptor(type, dependencies: needs) { _ in make() }
    }

    // A → B → C → A, declared across two modules, plus a self-cycle on D.
    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [CModule.self], providers: [
                provider(A.self, { A() }, needs: [.init("b", B.self)]),
                provider(B.self, { B() }, needs: [.init("c", C.self)]),
                provider(D.self, { D() }, needs: [.init("d", D.self)]),
            ], exports: [A.self])
        }
    }
    enum CModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("CModule", imports: [AppModule.self], providers: [
                provider(C.self, { C() }, needs: [.init("a", A.self)]),
            ], exports: [C.self])
        }
    }

    @Test func cyclesAreReportedWithTheFullPath() async {
        let found = await problems(booting: AppModule.self)
        let advice = "Break it by moving the shared logic into a new provider that both sides depend on, "
            + "or by resolving one side later through the Resolver its factory receives."
        #expect(found == [
            DependencyProblem(.dependencyCycle, "Dependency cycle: A → B → C → A. " + advice),
            DependencyProblem(.dependencyCycle, "Dependency cycle: D → D. " + advice),
        ])
    }

    // Import cycles between modules are fine when providers do not form a cycle.
    enum PingModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("PingModule", imports: [PongModule.self], providers: [
                provider(A.self, { A() }, needs: [.init("b", B.self)]),
            ], exports: [A.self])
        }
    }
    enum PongModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("PongModule", imports: [PingModule.self], providers: [
                provider(B.self, { B() }, needs: []),
            ], exports: [B.self])
        }
    }

    @Test func importCyclesAreTolerated() async throws {
        let container = try await Container.boot(PingModule.self)
        #expect(try container.get(A.self) === container.get(A.self))
    }
}
