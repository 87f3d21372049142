import InngestDI
import Testing

/// Missing-provider problems: exact messages, hints, and reporting every problem at once.
@Suite struct MissingProviderTests {
    final class PaymentGateway: Sendable {}
    final class Logger: Sendable {}
    final class Mailer: Sendable {}
    final class PaymentService: Sendable {
        init(gateway: PaymentGateway, logger: Logger) {}
    }

    static let paymentService = ProviderDescriptor(
        PaymentService.self,
        dependencies: [.init("gateway", PaymentGateway.self), .init("logger", Logger.self)],
        consumer: "PaymentService.init(gateway:logger:)"
    ) { resolver in
        PaymentService(
            gateway: try await resolver.resolve(PaymentGateway.self), logger: try await resolver.resolve(Logger.self)
        )
    }

    // Nothing provides PaymentGateway anywhere.
    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [PaymentsModule.self])
        }
    }
    enum PaymentsModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("PaymentsModule", providers: [paymentService, .value(Logger())])
        }
    }

    @Test func missingProviderMessageNamesConsumerParameterTypeModuleAndPath() async {
        let found = await problems(booting: AppModule.self)
        #expect(found == [DependencyProblem(
            .missingProvider,
            "PaymentService.init(gateway:logger:) in PaymentsModule needs PaymentGateway for parameter 'gateway', "
                + "but nothing visible to PaymentsModule provides it (path: AppModule → PaymentsModule → PaymentService). "
                + "Add PaymentGateway to PaymentsModule's providers, or import a module that exports it."
        )])
    }

    // ShippingModule provides PaymentGateway but does not export it; PaymentsModule imports it.
    enum NotExportedApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [NotExportedPayments.self])
        }
    }
    enum NotExportedPayments: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor(
                "PaymentsModule", imports: [ShippingModule.self], providers: [paymentService, .value(Logger())]
            )
        }
    }
    enum ShippingModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("ShippingModule", providers: [.value(PaymentGateway())])
        }
    }

    @Test func notExportedHint() async {
        let found = await problems(booting: NotExportedApp.self)
        #expect(found.map(\.message) == [
            "PaymentService.init(gateway:logger:) in PaymentsModule needs PaymentGateway for parameter 'gateway', "
                + "but nothing visible to PaymentsModule provides it (path: AppModule → PaymentsModule → PaymentService). "
                + "ShippingModule provides PaymentGateway but does not export it: add it to ShippingModule's exports.",
        ])
    }

    // DatabaseModule exports PaymentGateway, but PaymentsModule does not import it.
    enum NotImportedApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [NotImportedPayments.self, DatabaseModule.self])
        }
    }
    enum NotImportedPayments: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("PaymentsModule", providers: [paymentService, .value(Logger())])
        }
    }
    enum DatabaseModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor(
                "DatabaseModule", providers: [.value(PaymentGateway())], exports: [PaymentGateway.self]
            )
        }
    }

    @Test func notImportedHint() async {
        let found = await problems(booting: NotImportedApp.self)
        #expect(found.map(\.message) == [
            "PaymentService.init(gateway:logger:) in PaymentsModule needs PaymentGateway for parameter 'gateway', "
                + "but nothing visible to PaymentsModule provides it (path: AppModule → PaymentsModule → PaymentService). "
                + "DatabaseModule exports PaymentGateway: add DatabaseModule to PaymentsModule's imports.",
        ])
    }

    // A provider not exported by a module the consumer does not import either: both steps are named.
    enum NeitherApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [NotImportedPayments.self, ShippingModule.self])
        }
    }

    @Test func notExportedAndNotImportedHintNamesBothSteps() async {
        let found = await problems(booting: NeitherApp.self)
        #expect(found.map(\.message).first?.hasSuffix(
            "ShippingModule provides PaymentGateway but does not export it: add it to ShippingModule's exports, "
                + "and add ShippingModule to PaymentsModule's imports."
        ) == true)
    }

    // Two consumers miss two different types: both are reported, in declaration order.
    final class Notifier: Sendable {}
    enum TwoMissingApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", providers: [
                ProviderDescriptor(
                    Notifier.self, dependencies: [.init("mailer", Mailer.self)],
                    consumer: "Notifier.init(mailer:)", location: "Sources/App/Notifier.swift:3"
                ) { _ in Notifier() },
                paymentService,
            ])
        }
    }

    @Test func allProblemsAreReportedAtOnce() async throws {
        let error = await #expect(throws: DependencyGraphError.self) {
            _ = try await Container.boot(TwoMissingApp.self)
        }
        let problems = try #require(error?.problems)
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0.kind == .missingProvider })
        #expect(problems.map(\.description) == [
            "Sources/App/Notifier.swift:3: Notifier.init(mailer:) in AppModule needs Mailer for parameter 'mailer', "
                + "but nothing visible to AppModule provides it (path: AppModule → Notifier). "
                + "Add Mailer to AppModule's providers, or import a module that exports it.",
            "PaymentService.init(gateway:logger:) in AppModule needs PaymentGateway for parameter 'gateway', "
                + "but nothing visible to AppModule provides it (path: AppModule → PaymentService). "
                + "Add PaymentGateway to AppModule's providers, or import a module that exports it.",
            "PaymentService.init(gateway:logger:) in AppModule needs Logger for parameter 'logger', "
                + "but nothing visible to AppModule provides it (path: AppModule → PaymentService). "
                + "Add Logger to AppModule's providers, or import a module that exports it.",
        ])
        #expect(error?.description == problems.map(\.description).joined(separator: "\n"))
    }

    // A protocol dependency is named with `any`, and the consumer defaults to the provided type.
    protocol Clock: Sendable {}
    final class Scheduler: Sendable {}
    enum ProtocolApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", providers: [
                ProviderDescriptor(Scheduler.self, dependencies: [.init("clock", (any Clock).self)]) { _ in Scheduler() },
            ])
        }
    }

    @Test func protocolTypesAreNamedWithAny() async {
        let found = await problems(booting: ProtocolApp.self)
        #expect(found.map(\.message) == [
            "Scheduler in AppModule needs any Clock for parameter 'clock', but nothing visible to AppModule "
                + "provides it (path: AppModule → Scheduler). "
                + "Add any Clock to AppModule's providers, or import a module that exports it.",
        ])
    }

    // globalProviders see only global modules' exports.
    final class EventClient: Sendable {}
    enum GlobalNeedsApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [DatabaseModule.self])
        }
    }

    @Test func globalProviderMissingDependencyAdvice() async {
        let client = ProviderDescriptor(
            EventClient.self, dependencies: [.init("gateway", PaymentGateway.self)]
        ) { _ in EventClient() }
        let found = await problems(booting: GlobalNeedsApp.self, globalProviders: [client])
        #expect(found.map(\.message) == [
            "EventClient in globalProviders needs PaymentGateway for parameter 'gateway', but nothing visible to "
                + "globalProviders provides it (path: globalProviders → EventClient). DatabaseModule exports "
                + "PaymentGateway, but globalProviders only see the exports of global modules: mark DatabaseModule "
                + "global (isGlobal: true), or add PaymentGateway to globalProviders.",
        ])
    }
}
