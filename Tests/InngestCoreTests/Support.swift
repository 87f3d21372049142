import Foundation
import InngestCore
import InngestDI
import Synchronization

struct EmptyModule: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("EmptyModule") }
}

/// A resolver with nothing in it: the functions under test build no handler.
func emptyResolver() async throws -> Resolver {
    try await Container.boot(EmptyModule.self).rootResolver
}

/// A function from a closure.
func function(_ id: String = "fn", retries: Int? = nil,
              _ body: @escaping @Sendable (Context) async throws -> JSONValue) -> FunctionDefinition {
    FunctionDefinition(id: id, trigger: .event(name: "test/event"), options: FunctionOptions(retries: retries)) { _, context in
        try await body(context)
    }
}

/// Counts calls by key.
final class Counter: Sendable {
    private let counts = Mutex([String: Int]())
    func hit(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }
    subscript(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }
}

func request(memo: [String: StepMemo] = [:], attempt: Int = 0, maxAttempts: Int = 5, target: String? = nil) -> ExecutionRequest {
    ExecutionRequest(events: [InngestEvent(name: "test/event", data: .object(["n": .integer(1)]))], memo: memo,
                     runId: "run-1", attempt: attempt, maxAttempts: maxAttempts, targetStepId: target)
}

struct Boom: Error, CustomStringConvertible {
    var description: String { "boom" }
}

/// A clock that always reads one time.
struct FixedClock: EngineClock {
    let date: Date
    func now() -> Date { date }
    func sleep(until deadline: Date) async {}
}
