import InngestCrypto
import Testing

/// NIST / FIPS 180 message digest vectors and Inngest step-id vectors.
@Suite("Digest")
struct DigestTests {
    /// A FIPS 180 test message with its expected SHA-1 and SHA-256 digests.
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let message: [UInt8]
        let sha1: String
        let sha256: String
        var testDescription: String { name }
    }

    static let fipsVectors: [Vector] = [
        Vector(
            name: "abc",
            message: Array("abc".utf8),
            sha1: "a9993e364706816aba3e25717850c26c9cd0d89d",
            sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        ),
        Vector(
            name: "empty",
            message: [],
            sha1: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
            sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        ),
        Vector(
            name: "448-bit message",
            message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            sha1: "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
            sha256: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        Vector(
            name: "one million 'a'",
            message: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
            sha1: "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
            sha256: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        ),
    ]

    @Test("SHA-1 matches FIPS 180 vectors", arguments: fipsVectors)
    func sha1(vector: Vector) {
        let digest = Digest.sha1(vector.message)
        #expect(digest.count == 20)
        #expect(Hex.encode(digest) == vector.sha1)
    }

    @Test("SHA-256 matches FIPS 180 vectors", arguments: fipsVectors)
    func sha256(vector: Vector) {
        let digest = Digest.sha256(vector.message)
        #expect(digest.count == 32)
        #expect(Hex.encode(digest) == vector.sha256)
    }

    @Test("Digests accept non-contiguous collections and slices")
    func nonContiguousInput() {
        let abc = Array("abc".utf8)
        let expected1 = "a9993e364706816aba3e25717850c26c9cd0d89d"
        let expected256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        // A lazily mapped collection has no contiguous storage.
        let lazy = abc.lazy.map { $0 }
        #expect(Hex.encode(Digest.sha1(lazy)) == expected1)
        #expect(Hex.encode(Digest.sha256(lazy)) == expected256)
        // A slice that does not start at index 0.
        let padded = Array("xxabcyy".utf8)
        #expect(Hex.encode(Digest.sha1(padded[2..<5])) == expected1)
        #expect(Hex.encode(Digest.sha256("abc".utf8)) == expected256)
        // An empty slice and an empty non-contiguous collection.
        #expect(Hex.encode(Digest.sha1(padded[3..<3])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Hex.encode(Digest.sha1(EmptyCollection<UInt8>())) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    @Test(
        "sha1Hex matches Inngest step-id vectors",
        arguments: [
            ("my-step-id", "e7d8a2f140845095749d60246ff1110c9d01d76a"),
            ("a", "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8"),
            ("item:1", "c1606908a12ad4caef5f90e9fcfe3b4d1253a1a8"),
            ("first step", "98bf98df193bcce7c33e6bc50927cf2ac21206cb"),
            ("sleep", "c3ca5f787365eae0dea86250e27d476406956478"),
            ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ]
    )
    func sha1Hex(stepID: String, expected: String) {
        #expect(Digest.sha1Hex(stepID) == expected)
        #expect(Digest.sha1Hex(stepID) == Hex.encode(Digest.sha1(Array(stepID.utf8))))
    }

    @Test("sha1Hex hashes the UTF-8 encoding of non-ASCII and bridged-looking strings")
    func sha1HexUnicode() {
        let text = "étape-☃-🚀"
        #expect(Digest.sha1Hex(text) == Hex.encode(Digest.sha1(Array(text.utf8))))
        // A substring-derived string (may not be native/contiguous in every runtime).
        let sub = String("xx\(text)yy".dropFirst(2).dropLast(2))
        #expect(Digest.sha1Hex(sub) == Digest.sha1Hex(text))
    }

    @Test("Hashed signing key matches the Inngest vector")
    func hashedSigningKey() throws {
        let key = try #require(Hex.decode(String(repeating: "12345678", count: 8)))
        #expect(key.count == 32)
        #expect(Hex.encode(Digest.sha256(key)) == "1c5663dffbfe59fa348d7f741e97f0416bd9de62c48cb05f02fcbc9b7c810c56")
    }
}
