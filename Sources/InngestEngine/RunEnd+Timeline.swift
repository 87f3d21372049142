import InngestCore

extension RunEnd.Status {
    /// How a run ended, for the timeline entries that end one; nil for the others.
    init?(_ kind: TimelineEntry.Kind) {
        switch kind {
        case .runCompleted: self = .completed
        case .runFailed: self = .failed
        case .runCancelled: self = .cancelled
        default: return nil
        }
    }
}
