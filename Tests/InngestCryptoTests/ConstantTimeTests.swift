import InngestCrypto
import Testing

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test("Equal inputs compare equal")
    func equal() {
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        let mac = Digest.sha256(Array("payload".utf8))
        #expect(ConstantTime.equals(mac, Array(mac)))
        #expect(ConstantTime.equals(mac, mac.lazy.map { $0 }))
        #expect(ConstantTime.equals(mac[4...], Array(mac[4...])))
    }

    @Test("Inputs of different lengths compare unequal")
    func differentLengths() {
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([1, 2], [1, 2, 3]))
        #expect(!ConstantTime.equals([UInt8](), [0]))
    }

    @Test("A difference in the first byte is detected")
    func differAtFirst() {
        var other = Digest.sha256(Array("payload".utf8))
        let mac = other
        other[0] ^= 0x01
        #expect(!ConstantTime.equals(mac, other))
    }

    @Test("A difference in the last byte is detected")
    func differAtLast() {
        var other = Digest.sha256(Array("payload".utf8))
        let mac = other
        other[other.count - 1] ^= 0x80
        #expect(!ConstantTime.equals(mac, other))
    }

    @Test("Every single-bit difference is detected")
    func everyBit() {
        let mac = Digest.sha256(Array("payload".utf8))
        for index in mac.indices {
            for bit in 0..<8 {
                var other = mac
                other[index] ^= UInt8(1) << bit
                #expect(!ConstantTime.equals(mac, other))
            }
        }
    }
}
