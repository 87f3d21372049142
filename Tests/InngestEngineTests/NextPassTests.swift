@testable import InngestEngine
import Testing

/// The loop's next pass comes from what its last pass found. It once came from the slots taken
/// after the pass, which a group commit inflates while it claims (it sets every free slot aside):
/// the loop then took the engine for full and slept a second while sleepers came due, waking
/// 10,000 of them up to a second late (`inngest-bench timers-idle`).
@Suite struct NextPassTests {
    @Test func aPassWithSlotsLeftWakesAtTheNextDueTime() {
        #expect(NextPass.time(claimed: 3, slots: 236, due: 5_000, prune: .max, now: 4_000) == 5_000)
        #expect(NextPass.time(claimed: 0, slots: 10, due: nil, prune: 3_604_000, now: 4_000) == 3_604_000)
        #expect(NextPass.time(claimed: 0, slots: 10, due: 9_000, prune: 6_000, now: 4_000) == 6_000)
    }

    @Test func aPassThatFilledEverySlotWaitsForOneOrASecond() {
        #expect(NextPass.time(claimed: 10, slots: 10, due: 4_000, prune: .max, now: 4_000) == 5_000)
        #expect(NextPass.time(claimed: 0, slots: 0, due: 4_000, prune: .max, now: 4_000) == 5_000)
    }
}
