import InngestCrypto
import Testing

/// RFC 4231 HMAC-SHA256 vectors and Inngest request-signing vectors.
@Suite("HMAC-SHA256")
struct HMACTests {
    /// An RFC 4231 test case.
    struct Case: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: String
        let data: String
        let mac: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static let rfc4231Cases: [Case] = [
        Case(
            number: 1,
            key: String(repeating: "0b", count: 20),
            data: "4869205468657265",
            mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        Case(
            number: 2,
            key: "4a656665",
            data: "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
            mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        Case(
            number: 3,
            key: String(repeating: "aa", count: 20),
            data: String(repeating: "dd", count: 50),
            mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        Case(
            number: 4,
            key: "0102030405060708090a0b0c0d0e0f10111213141516171819",
            data: String(repeating: "cd", count: 50),
            mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        Case(
            number: 6,
            key: String(repeating: "aa", count: 131),
            data: "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a"
                + "65204b6579202d2048617368204b6579204669727374",
            mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        Case(
            number: 7,
            key: String(repeating: "aa", count: 131),
            data: "5468697320697320612074657374207573696e672061206c6172676572207468"
                + "616e20626c6f636b2d73697a65206b657920616e642061206c61726765722074"
                + "68616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565"
                + "647320746f20626520686173686564206265666f7265206265696e6720757365"
                + "642062792074686520484d414320616c676f726974686d2e",
            mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ]

    @Test("HMAC-SHA256 matches RFC 4231", arguments: rfc4231Cases)
    func rfc4231(testCase: Case) throws {
        let key = try #require(Hex.decode(testCase.key))
        let data = try #require(Hex.decode(testCase.data))
        let mac = Digest.hmacSHA256(key: key, message: data)
        #expect(mac.count == 32)
        #expect(Hex.encode(mac) == testCase.mac)
    }

    @Test("HMAC-SHA256 matches RFC 4231 test case 5 (truncated to 128 bits)")
    func rfc4231Truncated() throws {
        let key = try #require(Hex.decode(String(repeating: "0c", count: 20)))
        let data = try #require(Hex.decode("546573742057697468205472756e636174696f6e"))
        let mac = Digest.hmacSHA256(key: key, message: data)
        #expect(Hex.encode(mac.prefix(16)) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test(
        "HMAC-SHA256 matches Inngest signing vectors",
        arguments: [
            (#"{"a":1,"b":2}"#, "7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4"),
            (#"{"b": 2, "a": 1}"#, "aacff3c21db860245e1efbbd5a4f6be71b0558b6f181ebbb6e6ff7594f409442"),
            ("", "1ddde769e3bafc80d9817e2a9199280de4f299875de9ad01d2f6e4714f4ef815"),
        ]
    )
    func inngestSignature(body: String, expected: String) {
        // The key is the UTF-8 text of the signing key, not its hex decoding.
        let key = Array(String(repeating: "12345678", count: 8).utf8)
        let message = Array(body.utf8) + Array("1700000000".utf8)
        #expect(Hex.encode(Digest.hmacSHA256(key: key, message: message)) == expected)
        // The same result from non-contiguous inputs.
        let lazyMessage = message.lazy.map { $0 }
        #expect(Hex.encode(Digest.hmacSHA256(key: key.lazy.map { $0 }, message: lazyMessage)) == expected)
    }

    @Test("HMAC-SHA256 accepts an empty key and an empty message")
    func emptyKeyAndMessage() {
        // HMAC-SHA256("", "") from independent implementations.
        #expect(
            Hex.encode(Digest.hmacSHA256(key: [UInt8](), message: [UInt8]()))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"
        )
    }
}
