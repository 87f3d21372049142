import InngestCrypto
import Testing

@Suite("Hex")
struct HexTests {
    @Test(
        "Encoding then decoding returns the original bytes",
        arguments: [
            [UInt8](),
            [0x00],
            [0xFF],
            [0x00, 0x01, 0x7F, 0x80, 0xAB, 0xFE, 0xFF],
            Array(0...255),
        ]
    )
    func roundTrip(bytes: [UInt8]) {
        let encoded = Hex.encode(bytes)
        #expect(encoded.utf8.count == bytes.count * 2)
        #expect(encoded == encoded.lowercased())
        #expect(Hex.decode(encoded) == bytes)
    }

    @Test("Encoding is lowercase and accepts any sequence")
    func encodeSequences() {
        #expect(Hex.encode([0xDE, 0xAD, 0xBE, 0xEF]) == "deadbeef")
        #expect(Hex.encode(AnySequence([0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF])) == "0123456789abcdef")
        #expect(Hex.encode(stride(from: UInt8(0), to: 16, by: 1)) == "000102030405060708090a0b0c0d0e0f")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test("Decoding accepts upper, lower and mixed case")
    func decodeCase() {
        #expect(Hex.decode("DEADBEEF") == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(Hex.decode("deadbeef") == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(Hex.decode("DeAdBeEf") == [0xDE, 0xAD, 0xBE, 0xEF])
        #expect(Hex.decode("0123456789ABCDEFabcdef") == [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0xAB, 0xCD, 0xEF])
    }

    @Test("Decoding the empty string gives no bytes")
    func decodeEmpty() {
        #expect(Hex.decode("") == [])
    }

    @Test("Decoding rejects odd lengths", arguments: ["0", "abc", "12345", "fffffffff"])
    func decodeOddLength(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test(
        "Decoding rejects non-hex characters",
        arguments: ["zz", "0g", "g0", "12 4", " 1234", "0x12", "12-4", "é1", "１２", "ab\u{0}0", "🚀🚀"]
    )
    func decodeNonHex(text: String) {
        #expect(Hex.decode(text) == nil)
    }
}
