import Synchronization

/// ULIDs for event and run ids, as Inngest uses: 48 bits of milliseconds then 80 random bits, in
/// Crockford base32, so ids sort by creation time. Ids made in the same millisecond by this
/// process sort in the order they were made (the random part is incremented, ULID's monotonic
/// mode), so runs queued together start in the order they were queued.
enum ULID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    private static let last = Mutex<(milliseconds: UInt64, upper: UInt64, low: UInt64)>((0, 0, 0))

    /// A new ULID for the given time in milliseconds.
    static func make(milliseconds: Int64) -> String {
        let high = UInt64(max(0, milliseconds)) & 0xFFFF_FFFF_FFFF
        let random: (UInt64, UInt64) = last.withLock { last in
            if last.milliseconds == high, last.low < .max {
                last.low += 1
            } else {
                var generator = SystemRandomNumberGenerator()
                // The top bit of the low word starts clear, so that increments do not overflow.
                last = (high, UInt64(generator.next() as UInt16), (generator.next() as UInt64) >> 1)
            }
            return (last.upper, last.low)
        }
        var characters = [UInt8](repeating: 0, count: 26)
        var time = high
        for index in stride(from: 9, through: 0, by: -1) {
            characters[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        // 80 random bits: 16 high bits then 64 low bits, 5 bits per character.
        var low = random.1
        var upper = random.0
        for index in stride(from: 25, through: 10, by: -1) {
            characters[index] = alphabet[Int(low & 31)]
            low = (low >> 5) | ((upper & 31) << 59)
            upper >>= 5
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
