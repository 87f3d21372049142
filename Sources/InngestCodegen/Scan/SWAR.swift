/// Eight bytes at a time in one 64-bit word ("SIMD within a register"), for the loops that look
/// for a few byte values in long runs of others.
enum SWAR: Sendable {
    /// Every byte's high bit.
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Every byte 1.
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes from `offset` (at least eight must remain), the first in the lowest byte.
    @inline(__always)
    static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }

    /// Whether some byte of `word` is `byte`: the classic zero-byte test on `word ^ byte × ones`,
    /// exact for the word as a whole.
    @inline(__always)
    static func mayContain(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (UInt64(byte) &* ones)
        return (x &- ones) & ~x & highBits != 0
    }
}
