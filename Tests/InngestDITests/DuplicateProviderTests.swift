import InngestDI
import Testing

/// The same key provided twice by one module, by rootProviders, or by globalProviders.
@Suite struct DuplicateProviderTests {
    final class Logger: Sendable {}
    final class Clock: Sendable {}

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [PaymentsModule.self], providers: [.value(Clock())])
        }
    }
    enum PaymentsModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("PaymentsModule", providers: [
                .value(Logger()),
                .value(Logger()).located(at: "Sources/Payments/PaymentsModule.swift:9"),
            ])
        }
    }

    @Test func duplicatesAreReportedPerModuleAndPerList() async {
        let found = await problems(
            booting: AppModule.self,
            rootProviders: [.value(Clock())],
            globalProviders: [.value(Logger()), .value(Logger())]
        )
        #expect(found == [
            DependencyProblem(
                .duplicateProvider,
                "AppModule provides Clock more than once (counting rootProviders). "
                    + "Remove the duplicate from AppModule's providers or from rootProviders."
            ),
            DependencyProblem(
                .duplicateProvider,
                "PaymentsModule provides Logger more than once. Remove the duplicate from PaymentsModule's providers.",
                location: "Sources/Payments/PaymentsModule.swift:9"
            ),
            DependencyProblem(
                .duplicateProvider,
                "globalProviders provides Logger more than once. Remove the duplicate from globalProviders."
            ),
        ])
    }

    // The same key in two different modules is not a duplicate: each module has its own singleton.
    enum TwoOwnersApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [OtherModule.self], providers: [
                ProviderDescriptor(Logger.self) { _ in Logger() },
            ])
        }
    }
    enum OtherModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("OtherModule", providers: [ProviderDescriptor(Logger.self) { _ in Logger() }])
        }
    }

    @Test func sameKeyInTwoModulesIsTwoSingletons() async throws {
        let container = try await Container.boot(TwoOwnersApp.self)
        let other = try #require(container.resolver(forModule: "OtherModule"))
        #expect(try await other.resolve(Logger.self) !== container.resolve(Logger.self))
    }

    // Two module types with the same name.
    enum NamesApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [FirstShared.self, SecondShared.self])
        }
    }
    enum FirstShared: Module {
        static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("SharedModule") }
    }
    enum SecondShared: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("SharedModule", location: "Sources/Shared/Second.swift:1")
        }
    }

    @Test func duplicateModuleNamesAreReported() async {
        let found = await problems(booting: NamesApp.self)
        #expect(found.count == 1)
        #expect(found.first?.kind == .duplicateModuleName)
        #expect(found.first?.location == "Sources/Shared/Second.swift:1")
        #expect(found.first?.message.hasPrefix("Two modules are named SharedModule: ") == true)
        #expect(found.first?.message.contains("FirstShared and ") == true)
        #expect(found.first?.message.hasSuffix(
            "SecondShared. Rename one; module names identify modules in messages and in resolver(forModule:)."
        ) == true)
    }
}
