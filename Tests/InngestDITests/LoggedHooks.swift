import InngestDI

/// Adopts every lifecycle hook and records each call as "<hook> <TypeName>" into `log`.
protocol LoggedHooks: OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown,
    OnApplicationShutdown, Sendable {
    var log: EventLog { get }
}

extension LoggedHooks {
    var name: String { String(describing: Self.self) }
    func onModuleInit() async throws { log.record("init \(name)") }
    func onApplicationBootstrap() async throws { log.record("bootstrap \(name)") }
    func onModuleDestroy() async { log.record("destroy \(name)") }
    func beforeApplicationShutdown(signal: String?) async { log.record("before \(signal ?? "-") \(name)") }
    func onApplicationShutdown(signal: String?) async { log.record("shutdown \(signal ?? "-") \(name)") }
}
