import Inngest
import Synchronization

/// The other actors of the demo: a manager who approves a large order once its workflow waits for
/// it, and a customer who cancels order o-1004 once it has been validated.
final class Choreography: Sendable {
    private let app = Mutex<InngestApp?>(nil)

    func start(_ app: InngestApp) { self.app.withLock { $0 = app } }

    /// Called for every timeline entry the engine records.
    func react(to observation: RunObservation) {
        guard observation.functionId == "process-order", let app = app.withLock({ $0 }) else { return }
        let entry = observation.entry
        if entry.kind == .waiting && entry.step == "manager-approval" {
            Task { try await app.send(.orderApproved(OrderApproved(orderId: "o-1002", manager: "margaret@example.com"))) }
        }
        if entry.kind == .stepCompleted && entry.step == "validate-order" {
            let runId = observation.runId
            Task {
                let run = try await app.engine.run(runId)
                let event = try await app.engine.events(limit: 100).first { $0.id == run?.eventId }
                if event?.data["orderId"] == .string("o-1004") {
                    try await app.send(.orderCancelled(OrderCancelled(orderId: "o-1004")))
                }
            }
        }
    }
}

let choreography = Choreography()
