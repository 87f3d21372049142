import InngestDI
import Testing

/// Overrides replace providers anywhere in the graph; their replaced dependencies are not validated.
@Suite struct OverrideTests {
    protocol PaymentGateway: AnyObject, Sendable {}
    final class StripeGateway: PaymentGateway {}
    final class FakeGateway: PaymentGateway {}
    final class HTTPClient: Sendable {}
    final class Clock: Sendable {}
    final class Unused: Sendable {}

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [PaymentsModule.self])
        }
    }
    enum PaymentsModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("PaymentsModule", providers: [
                // The real gateway needs an HTTPClient that nothing provides.
                ProviderDescriptor((any PaymentGateway).self, dependencies: [.init("http", HTTPClient.self)]) { _ in
                    StripeGateway()
                },
            ], exports: [(any PaymentGateway).self])
        }
    }

    @Test func overrideReplacesProviderAndSkipsItsDependencies() async throws {
        let fake = FakeGateway()
        let clock = Clock()
        let container = try await Container.boot(
            AppModule.self,
            globalProviders: [ProviderDescriptor(Clock.self) { _ in Clock() }],
            overrides: [.value(fake, as: (any PaymentGateway).self), .value(clock)]
        )
        #expect(try container.get((any PaymentGateway).self) === fake)
        #expect(try container.get(Clock.self) === clock)
    }

    @Test func withoutOverrideTheMissingDependencyIsReported() async {
        let found = await problems(booting: AppModule.self)
        #expect(found.map(\.kind) == [.missingProvider])
    }

    @Test func overrideThatReplacesNothingIsReported() async {
        let found = await problems(
            booting: AppModule.self,
            overrides: [.value(FakeGateway(), as: (any PaymentGateway).self), .value(Unused()), .value(Unused())]
        )
        #expect(found == [
            DependencyProblem(.invalidOverride, "Unused is overridden more than once. Keep a single override for Unused."),
            DependencyProblem(
                .invalidOverride,
                "The override for Unused replaces nothing: no module, rootProviders or globalProviders provides "
                    + "Unused. Remove the override, or provide Unused in the graph."
            ),
        ])
    }
}
