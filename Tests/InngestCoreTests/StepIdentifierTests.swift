import InngestCore
import Testing

/// Step ids hash as Inngest's SDKs do, whether the hash was computed before (cached) or not.
@Suite struct StepIdentifierTests {
    @Test func hashesMatchInngestsAndRepeatFromTheCache() {
        for _ in 0..<3 {
            #expect(StepIdentifier.hash("a") == "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8")
            #expect(StepIdentifier.hash("item", occurrence: 1) == "c1606908a12ad4caef5f90e9fcfe3b4d1253a1a8")
            // Too long to keep: hashed each time.
            #expect(StepIdentifier.hash(String(repeating: "x", count: 300)) == "02fd68253071f895718c8d41f7ff665abe1a6290")
        }
    }

    @Test func aFullCacheIsEmptiedAndStillAnswersRight() {
        for index in 0..<20_000 { _ = StepIdentifier.hash("filler-\(index)") }
        #expect(StepIdentifier.hash("a") == "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8")
        #expect(StepIdentifier.hash("item:1") == StepIdentifier.hash("item", occurrence: 1))
    }
}
