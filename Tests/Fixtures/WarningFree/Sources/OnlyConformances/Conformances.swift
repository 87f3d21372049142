import Inngest

// Everything declared by conformance.

struct Ping: Event {
    static let name = "shape/ping"
    var count: Int
}

final class Counter: Injectable, Sendable {
    init() {}
}

struct Count: InngestFunction {
    static let id = "count"
    static let trigger = Trigger.event(Ping.self)
    static let options = FunctionOptions(retries: 1)
    let counter: Counter

    func handle(_ ping: Ping, context: Context) async throws -> Int { ping.count }
}

struct CounterModule: Module {
    static let providers: [Any.Type] = [Counter.self]
    static let exports: [Any.Type] = [Counter.self]
    static let isGlobal = true
}

struct ConformancesModule: Module {
    static let imports: [any Module.Type] = [CounterModule.self]
}
