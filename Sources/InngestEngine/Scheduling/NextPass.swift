/// When the engine's loop passes over the queue next, from what its last pass found.
enum NextPass {
    /// - Parameters:
    ///   - claimed: runs the pass claimed.
    ///   - slots: free slots the pass had. What is taken afterwards does not count: a group commit
    ///     sets every free slot aside while it claims and gives back those it did not use, so the
    ///     slots taken at any moment overstate the runs executing.
    ///   - due: when the next queued run, cron or lease is due (nil: nothing is).
    ///   - prune: when retention pruning is due.
    ///   - now: milliseconds.
    /// - Returns: the due time, or, when the pass filled every free slot, a second from now (to
    ///   renew leases; a run that returns frees a slot and asks for a pass before that).
    static func time(claimed: Int, slots: Int, due: Int64?, prune: Int64, now: Int64) -> Int64 {
        claimed < slots ? min(due ?? .max, prune) : now + 1_000
    }
}
