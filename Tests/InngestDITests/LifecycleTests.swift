import InngestDI
import Synchronization
import Testing

/// Topological instantiation order and lifecycle hook order.
@Suite struct LifecycleTests {
    final class Mailer: LoggedHooks { let log: EventLog; init(log: EventLog) { self.log = log } }
    final class Database: LoggedHooks, Storage { let log: EventLog; init(log: EventLog) { self.log = log } }
    final class Repository: LoggedHooks { let log: EventLog; init(log: EventLog) { self.log = log } }
    final class OrderService: LoggedHooks { let log: EventLog; init(log: EventLog) { self.log = log } }
    final class AppController: LoggedHooks { let log: EventLog; init(log: EventLog) { self.log = log } }
    final class Transient: LoggedHooks { let log: EventLog; init(log: EventLog) { self.log = log } }
    protocol Storage: AnyObject, Sendable {}

    /// A provider of `T` that logs "build T" and depends on the log plus `needs`.
    static func logged<T: LoggedHooks>(
        _ type: T.Type, scope: ProviderScope = .singleton, needs: [DependencyDescriptor] = [],
        make: @escaping @Sendable (EventLog) -> T
    ) -> ProviderDescriptor {
        ProviderDescriptor(type, scope: scope, dependencies: [.init("log", EventLog.self)] + needs) { resolver in
            let log = try await resolver.resolve(EventLog.self)
            log.record("build \(String(describing: type))")
            return make(log)
        }
    }

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [OrdersModule.self, DatabaseModule.self], providers: [
                logged(AppController.self, needs: [.init("orders", OrderService.self)]) { AppController(log: $0) },
            ])
        }
    }
    enum OrdersModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("OrdersModule", imports: [DatabaseModule.self], providers: [
                logged(OrderService.self, needs: [.init("repository", Repository.self), .init("mailer", Mailer.self)]) {
                    OrderService(log: $0)
                },
                logged(Mailer.self) { Mailer(log: $0) },
                logged(Transient.self, scope: .transient) { Transient(log: $0) },
            ], exports: [OrderService.self])
        }
    }
    enum DatabaseModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("DatabaseModule", providers: [
                logged(Repository.self, needs: [.init("database", Database.self)]) { Repository(log: $0) },
                logged(Database.self) { Database(log: $0) },
                .alias((any Storage).self, to: Database.self) { $0 },
            ], exports: [Repository.self, (any Storage).self])
        }
    }

    @Test func singletonsAreBuiltInTopologicalOrderAndHooksFollowIt() async throws {
        let log = EventLog()
        let container = try await Container.boot(AppModule.self, globalProviders: [.value(log)])
        let order = ["Mailer", "Database", "Repository", "OrderService", "AppController"]
        #expect(log.all == order.map { "build \($0)" } + order.map { "init \($0)" } + order.map { "bootstrap \($0)" })

        _ = try await container.resolve(OrderService.self)
        #expect(log.all.count == order.count * 3)

        await container.shutdown(signal: "SIGTERM")
        await container.shutdown(signal: "SIGINT")
        let reversed = Array(order.reversed())
        #expect(Array(log.all.dropFirst(order.count * 3)) == reversed.map { "destroy \($0)" }
            + reversed.map { "before SIGTERM \($0)" } + reversed.map { "shutdown SIGTERM \($0)" })
    }

    final class Broken: OnModuleInit, Sendable {
        func onModuleInit() async throws { throw TestFailure(description: "no connection") }
    }
    enum BrokenModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("BrokenModule", providers: [ProviderDescriptor(Broken.self) { _ in Broken() }])
        }
    }

    @Test func throwingOnModuleInitFailsBootNamingTheProvider() async throws {
        let error = await #expect(throws: LifecycleHookError.self) {
            _ = try await Container.boot(BrokenModule.self)
        }
        #expect(error?.provider == ProviderKey(Broken.self))
        #expect(error?.hook == "onModuleInit()")
        #expect(error?.description == "Broken in BrokenModule threw from onModuleInit(): no connection. "
            + "Boot was aborted; fix the cause, or catch the error inside the hook if it is not fatal.")
    }

    // The same object provided in two modules, and aliased, gets each hook once.
    final class SharedClock: LoggedHooks, Ticking { let log: EventLog; init(log: EventLog) { self.log = log } }
    protocol Ticking: AnyObject, Sendable {}
    enum SharedApp: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", imports: [SharedOther.self], providers: [
                ProviderDescriptor(SharedClock.self, dependencies: [.init("log", EventLog.self)]) {
                    try await $0.resolve(EventLog.self).sharedClock
                },
            ])
        }
    }
    enum SharedOther: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("OtherModule", providers: [
                ProviderDescriptor(SharedClock.self, dependencies: [.init("log", EventLog.self)]) {
                    try await $0.resolve(EventLog.self).sharedClock
                },
                .alias((any Ticking).self, to: SharedClock.self) { $0 },
            ])
        }
    }

    @Test func hooksRunOncePerObject() async throws {
        let log = EventLog()
        let container = try await Container.boot(SharedApp.self, globalProviders: [.value(log)])
        #expect(log.all == ["init SharedClock", "bootstrap SharedClock"])
        await container.shutdown()
        #expect(log.all.suffix(3) == ["destroy SharedClock", "before - SharedClock", "shutdown - SharedClock"])
    }

    @Test func nothingIsBuiltWhenValidationFails() async {
        let log = EventLog()
        let found = await problems(booting: AppModule.self, globalProviders: [.value(log)], overrides: [
            ProviderDescriptor(Mailer.self, dependencies: [.init("missing", SharedClock.self)]) { _ in Mailer(log: log) },
        ])
        #expect(found.map(\.kind) == [.missingProvider])
        #expect(log.all.isEmpty)
    }
}

extension EventLog {
    /// One `SharedClock` per log, so two modules can provide the same object.
    var sharedClock: LifecycleTests.SharedClock {
        LifecycleTests.SharedClock.shared(for: self)
    }
}

extension LifecycleTests.SharedClock {
    private static let instances = Mutex<[ObjectIdentifier: LifecycleTests.SharedClock]>([:])

    /// The clock of `log`, created on first use.
    static func shared(for log: EventLog) -> LifecycleTests.SharedClock {
        instances.withLock { instances in
            if let clock = instances[ObjectIdentifier(log)] { return clock }
            let clock = LifecycleTests.SharedClock(log: log)
            instances[ObjectIdentifier(log)] = clock
            return clock
        }
    }
}
