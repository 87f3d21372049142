import InngestDI
import Testing

/// Invalid exports: a type the module neither provides nor imports, and a module it does not import.
@Suite struct ExportProblemTests {
    final class PaymentGateway: Sendable {}

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [PaymentsModule.self, ShippingModule.self])
        }
    }
    enum PaymentsModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor(
                "PaymentsModule", exports: [PaymentGateway.self, ShippingModule.self],
                location: "Sources/Payments/PaymentsModule.swift:4"
            )
        }
    }
    enum ShippingModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("ShippingModule", providers: [.value(PaymentGateway())], exports: [PaymentGateway.self])
        }
    }

    @Test func exportingWhatIsNeitherProvidedNorImportedIsReported() async {
        let found = await problems(booting: AppModule.self)
        #expect(found == [
            DependencyProblem(
                .invalidExport,
                "PaymentsModule exports PaymentGateway, but neither provides it nor imports a module that exports it. "
                    + "Add PaymentGateway to PaymentsModule's providers, import a module that exports it, "
                    + "or remove it from PaymentsModule's exports.",
                location: "Sources/Payments/PaymentsModule.swift:4"
            ),
            DependencyProblem(
                .invalidExport,
                "PaymentsModule exports the module ShippingModule, but does not import it. Add ShippingModule to "
                    + "PaymentsModule's imports, or remove it from PaymentsModule's exports.",
                location: "Sources/Payments/PaymentsModule.swift:4"
            ),
        ])
        #expect(found.first?.description.hasPrefix("Sources/Payments/PaymentsModule.swift:4: PaymentsModule exports") == true)
    }

    // Re-exporting a provider token that comes from an imported module is valid.
    final class Consumer: Sendable {
        let gateway: PaymentGateway
        init(gateway: PaymentGateway) { self.gateway = gateway }
    }
    enum TokenReexportApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [CoreModule.self], providers: [
                ProviderDescriptor(Consumer.self, dependencies: [.init("gateway", PaymentGateway.self)]) {
                    Consumer(gateway: try await $0.resolve(PaymentGateway.self))
                },
            ])
        }
    }
    enum CoreModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("CoreModule", imports: [ShippingModule.self], exports: [PaymentGateway.self])
        }
    }

    @Test func reexportingAnImportedProviderTokenIsValid() async throws {
        let container = try await Container.boot(TokenReexportApp.self)
        let consumer = try await container.resolve(Consumer.self)
        let shipping = try #require(container.resolver(forModule: "ShippingModule"))
        #expect(try await consumer.gateway === shipping.resolve(PaymentGateway.self))
    }
}
