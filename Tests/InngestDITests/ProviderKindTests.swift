import InngestDI
import Testing

/// Value and alias providers, scopes, and optional dependencies.
@Suite struct ProviderKindTests {
    protocol PaymentGateway: AnyObject, Sendable {}
    final class StripeGateway: PaymentGateway {}
    final class Draft: Drafting {}
    protocol Drafting: AnyObject, Sendable {}
    final class Metrics: Sendable {}
    final class Settings: Sendable {
        let currency: String
        init(currency: String) { self.currency = currency }
    }
    final class Reporter: Sendable {
        let metrics: Metrics?
        init(metrics: Metrics?) { self.metrics = metrics }
    }
    final class Session: Sendable {}
    final class Checkout: Sendable {
        let sessions: Provider<Session>
        init(sessions: Provider<Session>) { self.sessions = sessions }
    }

    static let reporter = ProviderDescriptor(
        Reporter.self, dependencies: [.init("metrics", Metrics.self, optional: true)]
    ) { Reporter(metrics: try await $0.resolveOptional(Metrics.self)) }

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", providers: [
                ProviderDescriptor(StripeGateway.self) { _ in StripeGateway() },
                .alias((any PaymentGateway).self, to: StripeGateway.self) { $0 },
                ProviderDescriptor(Draft.self, scope: .transient) { _ in Draft() },
                .alias((any Drafting).self, to: Draft.self) { $0 },
                .value(Settings(currency: "EUR")),
                reporter,
                ProviderDescriptor(Session.self, scope: .transient) { _ in Session() },
                ProviderDescriptor(Checkout.self, dependencies: [.init("sessions", lazy: Session.self)]) {
                    Checkout(sessions: $0.provider(Session.self))
                },
            ])
        }
    }

    @Test func valueProviderReturnsTheValue() async throws {
        let container = try await Container.boot(AppModule.self)
        #expect(try container.get(Settings.self).currency == "EUR")
        #expect(try await container.resolve(Settings.self) === container.get(Settings.self))
    }

    @Test func singletonIsSharedAndTransientIsNew() async throws {
        let container = try await Container.boot(AppModule.self)
        #expect(try await container.resolve(StripeGateway.self) === container.resolve(StripeGateway.self))
        #expect(try await container.resolve(Draft.self) !== container.resolve(Draft.self))
    }

    @Test func aliasSharesTheScopeOfItsTarget() async throws {
        let container = try await Container.boot(AppModule.self)
        let gateway = try await container.resolve((any PaymentGateway).self)
        #expect(gateway === (try container.get(StripeGateway.self)))
        #expect(try container.get((any PaymentGateway).self) === gateway)
        #expect(try await container.resolve((any Drafting).self) !== container.resolve((any Drafting).self))
    }

    @Test func singletonTakesATransientThroughAProvider() async throws {
        let container = try await Container.boot(AppModule.self)
        let checkout = try container.get(Checkout.self)
        #expect(try await checkout.sessions.get() !== checkout.sessions.get())
        #expect(try await container.resolve(Checkout.self) === checkout)
    }

    @Test func missingOptionalDependencyIsNil() async throws {
        let container = try await Container.boot(AppModule.self)
        #expect(try container.get(Reporter.self).metrics == nil)
        #expect(try await container.resolveOptional(Metrics.self) == nil)
    }

    @Test func visibleOptionalDependencyIsResolved() async throws {
        let metrics = Metrics()
        let container = try await Container.boot(AppModule.self, globalProviders: [.value(metrics)])
        #expect(try container.get(Reporter.self).metrics === metrics)
    }

    @Test func providerKeysAreNamedAsWrittenAndComparedByType() {
        #expect(ProviderKey((any PaymentGateway).self).name == "any PaymentGateway")
        #expect(ProviderKey(StripeGateway.self).description == "StripeGateway")
        #expect(ProviderKey([Int].self).name == "[Int]")
        #expect(ProviderKey(Any.self).name == "Any")
        #expect(ProviderKey(Int.self, name: "Count") == ProviderKey(Int.self))
        #expect(ProviderKey(Int.self) != ProviderKey(String.self))
    }
}

extension Container {
    /// Test convenience: optional resolve in the root context.
    func resolveOptional<T>(_ type: T.Type) async throws -> T? {
        try await rootResolver.resolveOptional(type)
    }
}
