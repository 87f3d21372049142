@testable import InngestDI
import Synchronization
import Testing

/// Run scope, the rule that a singleton takes shorter-lived providers through `Provider<T>`, and lazy
/// dependencies breaking cycles.
@Suite struct ScopeTests {
    final class Ended: Sendable {
        let names = Mutex<[String]>([])
    }
    final class Transaction: OnRunEnd, Sendable {
        let ended: Ended
        let name: String
        init(ended: Ended, name: String) {
            self.ended = ended
            self.name = name
        }
        func onRunEnd() async { ended.names.withLock { $0.append(name) } }
    }
    final class Repository: Sendable {
        let transaction: Transaction
        init(transaction: Transaction) { self.transaction = transaction }
    }
    final class Audit: Sendable {
        let transactions: Provider<Transaction>
        init(transactions: Provider<Transaction>) { self.transactions = transactions }
    }

    static let ended = Ended()

    enum AppModule: Module {
        static var moduleDescriptor: ModuleDescriptor {
            ModuleDescriptor("AppModule", providers: [
                ProviderDescriptor(Transaction.self, scope: .run) { _ in
                    Transaction(ended: ScopeTests.ended, name: "tx")
                },
                ProviderDescriptor(Repository.self, scope: .transient, dependencies: [.init("transaction", Transaction.self)]) {
                    Repository(transaction: try await $0.resolve(Transaction.self))
                },
                ProviderDescriptor(Audit.self, dependencies: [.init("transactions", lazy: Transaction.self)]) {
                    Audit(transactions: $0.provider(Transaction.self))
                },
            ])
        }
    }

    @Test func aRunScopedProviderIsOnePerRunAndToldWhenItEnds() async throws {
        let container = try await Container.boot(AppModule.self)
        let audit = try container.get(Audit.self)
        let (first, second, fromSingleton) = try await RunScope.withRunScope {
            async let one = container.resolve(Repository.self)
            async let two = container.resolve(Repository.self)
            return (try await one, try await two, try await audit.transactions.get())
        }
        #expect(first !== second)
        #expect(first.transaction === second.transaction)
        #expect(fromSingleton === first.transaction)
        let next = try await RunScope.withRunScope { try await container.resolve(Repository.self) }
        #expect(next.transaction !== first.transaction)
        #expect(ScopeTests.ended.names.withLock { $0 }.count >= 2)
    }

    @Test func endHooksRunInReverseCreationOrderWhenTheRunThrows() async throws {
        let ended = Ended()
        enum Two: Module {
            static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("Two") }
        }
        final class First: Sendable {}
        let container = try await Container.boot(Two.self, rootProviders: [
            ProviderDescriptor(Transaction.self, scope: .run) { _ in Transaction(ended: ended, name: "outer") },
            ProviderDescriptor(Repository.self, scope: .run, dependencies: [.init("transaction", Transaction.self)]) {
                _ = try await $0.resolve(Transaction.self)
                return Repository(transaction: Transaction(ended: ended, name: "inner"))
            },
        ])
        await #expect(throws: TestFailure.self) {
            try await RunScope.withRunScope {
                let repository = try await container.resolve(Repository.self)
                _ = try await container.resolve(Transaction.self)
                _ = repository
                throw TestFailure(description: "handler failed")
            }
        }
        // Transaction was built first (inside Repository's factory); Repository is not an OnRunEnd.
        #expect(ended.names.withLock { $0 } == ["outer"])
    }

    @Test func resolvingARunScopedProviderOutsideARunSaysWhatToDo() async throws {
        let container = try await Container.boot(AppModule.self)
        let error = await #expect(throws: ResolutionError.self) { try await container.resolve(Repository.self) }
        #expect(error?.kind == .outsideRun)
        #expect(error?.message.contains("Transaction in AppModule is run-scoped, but it was resolved outside a function run") == true)
    }

    @Test func aSingletonMayNotDependOnATransientOrRunScopedProviderDirectly() async throws {
        final class Greedy: Sendable {
            init(repository: Repository, transaction: Transaction) {}
        }
        enum Bad: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Bad", providers: AppModule.moduleDescriptor.providers + [
                    ProviderDescriptor(Greedy.self, dependencies: [
                        .init("repository", Repository.self), .init("transaction", Transaction.self),
                    ], consumer: "Greedy.init(repository:transaction:)") {
                        Greedy(repository: try await $0.resolve(Repository.self), transaction: try await $0.resolve(Transaction.self))
                    },
                ])
            }
        }
        let found = await problems(booting: Bad.self)
        #expect(found.map(\.kind) == [.scopeMismatch, .scopeMismatch])
        #expect(found.first?.message == "Greedy.init(repository:transaction:) in Bad is a singleton but depends on Repository "
            + "(transient) for parameter 'repository': it would keep one Repository forever. Take Provider<Repository> and call "
            + "get() where one is needed, or make Greedy.init(repository:transaction:) transient too.")
        #expect(found.last?.message.contains("depends on Transaction (run)") == true)
    }

    @Test func anAliasOfATransientCountsAsTransient() async throws {
        final class Holder: Sendable {}
        enum Aliased: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Aliased", providers: [
                    ProviderDescriptor(Repository.self, scope: .transient) { _ in
                        Repository(transaction: Transaction(ended: Ended(), name: "x"))
                    },
                    .alias((any Sendable).self, to: Repository.self) { $0 },
                    ProviderDescriptor(Holder.self, dependencies: [.init("any", (any Sendable).self)]) { _ in Holder() },
                ])
            }
        }
        #expect(await problems(booting: Aliased.self).map(\.kind) == [.scopeMismatch])
    }

    @Test func aProviderOfItsOwnTypeIsNotALoop() async throws {
        final class Node: Sendable {
            let next: Provider<Node>
            init(next: Provider<Node>) { self.next = next }
        }
        enum Chain: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Chain", providers: [
                    ProviderDescriptor(Node.self, scope: .transient, dependencies: [.init("next", lazy: Node.self)]) {
                        Node(next: $0.provider(Node.self))
                    },
                ])
            }
        }
        let container = try await Container.boot(Chain.self)
        let first = try await container.resolve(Node.self)
        let second = try await first.next.get()
        #expect(try await second.next.get() !== second)
    }

    @Test func aLazyDependencyBreaksACycle() async throws {
        final class Left: Sendable {
            let right: Provider<Right>
            init(right: Provider<Right>) { self.right = right }
        }
        final class Right: Sendable {
            let left: Left
            init(left: Left) { self.left = left }
        }
        enum Cyclic: Module {
            static var moduleDescriptor: ModuleDescriptor {
                ModuleDescriptor("Cyclic", providers: [
                    ProviderDescriptor(Left.self, dependencies: [.init("right", lazy: Right.self)]) {
                        Left(right: $0.provider(Right.self))
                    },
                    ProviderDescriptor(Right.self, dependencies: [.init("left", Left.self)]) {
                        Right(left: try await $0.resolve(Left.self))
                    },
                ])
            }
        }
        let container = try await Container.boot(Cyclic.self)
        let left = try container.get(Left.self)
        #expect(try await left.right.get().left === left)
    }
}
