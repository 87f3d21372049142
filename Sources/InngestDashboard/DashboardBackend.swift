import InngestCore
import InngestEngine

/// What the dashboard reads and does: an engine in this process, or the database of one
/// elsewhere (`EngineInspector`, as `inngest dashboard` uses).
package protocol DashboardBackend: Sendable {
    func functions() async throws -> [FunctionRecord]
    func runCounts() async throws -> [RunStatus: Int]
    func runs(status: RunStatus?, functionId: String?, eventName: String?, limit: Int) async throws -> [RunRecord]
    func run(_ runId: String) async throws -> RunRecord?
    func timeline(of runId: String) async throws -> [TimelineEntry]
    func events(name: String?, limit: Int) async throws -> [InngestEvent]
    func activity(after cursor: ActivityCursor?, limit: Int) async throws -> (lines: [RunObservation], cursor: ActivityCursor)
    func sendEvent(_ event: InngestEvent) async throws -> String
    func cancel(runId: String) async throws -> Bool
    func replay(runId: String) async throws -> String?
}

extension EngineInspector: DashboardBackend {
    package func runs(status: RunStatus?, functionId: String?, eventName: String?, limit: Int) async throws -> [RunRecord] {
        try await runs(status: status, functionId: functionId, eventName: eventName, since: nil, limit: limit)
    }

    package func sendEvent(_ event: InngestEvent) async throws -> String { try await send(event) }
}

extension EmbeddedEngine: DashboardBackend {
    package func functions() async throws -> [FunctionRecord] { try await registeredFunctions() }

    package func runs(status: RunStatus?, functionId: String?, eventName: String?, limit: Int) async throws -> [RunRecord] {
        try await runs(status: status, functionId: functionId, eventName: eventName, since: nil, limit: limit)
    }

    package func sendEvent(_ event: InngestEvent) async throws -> String {
        try await send([event]).first ?? ""
    }
}
