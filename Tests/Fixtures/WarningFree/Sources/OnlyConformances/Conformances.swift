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

/// Flow control by conformance, in the API's shapes, with a batch payload.
struct CountBatch: InngestFunction {
    static let id = "count-batch"
    static let trigger = Trigger<[Ping]>.event(Ping.self)
    static let options = FunctionOptions(concurrency: [.limit(2, key: \Ping.count), .limit(20, key: "\"pings\"", scope: .account)],
                                         throttle: .limit(10, per: .minutes(1), burst: 2),
                                         batchEvents: .maxSize(50, timeout: .seconds(5), key: "event.data.count"))

    func handle(_ pings: [Ping], context: Context) async throws -> Int { pings.count }
}

struct CounterModule: Module {
    static let providers: [Any.Type] = [Counter.self]
    static let exports: [Any.Type] = [Counter.self]
    static let isGlobal = true
}

struct ConformancesModule: Module {
    static let imports: [any Module.Type] = [CounterModule.self]
}
