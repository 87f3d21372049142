import Foundation
import InngestServe
import Testing

@Suite struct SignatureTests {
    let key: SigningKey
    let raw = Array(#"{"b": 2, "a": 1}"#.utf8)

    init() throws { key = try SigningKey(testKeyText) }

    @Test func vectorOverCanonicalBodyIsAccepted() throws {
        let header = "t=1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4"
        #expect(try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow) == key)
        let canonical = try CanonicalJSON.canonicalize(raw)
        #expect(String(decoding: canonical, as: UTF8.self) == #"{"a":1,"b":2}"#)
        #expect(RequestSignature.sign(canonical, key: key, timestamp: 1_700_000_000).headerValue == header)
    }

    @Test func vectorOverRawBodyIsAccepted() throws {
        let header = "t=1700000000&s=aacff3c21db860245e1efbbd5a4f6be71b0558b6f181ebbb6e6ff7594f409442"
        #expect(RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue == header)
        #expect(try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow) == key)
    }

    @Test func vectorOverEmptyBodyIsAccepted() throws {
        let header = "t=1700000000&s=1ddde769e3bafc80d9817e2a9199280de4f299875de9ad01d2f6e4714f4ef815"
        #expect(RequestSignature.sign([], key: key, timestamp: 1_700_000_000).headerValue == header)
        #expect(try RequestSignature.verify(header: header, body: [], keys: [key], now: fixedNow) == key)
    }

    @Test func hashedKeysMatchTheVectors() throws {
        #expect(key.hashed == "signkey-test-1c5663dffbfe59fa348d7f741e97f0416bd9de62c48cb05f02fcbc9b7c810c56")
        #expect(try SigningKey("signkey-prod-12345678").hashed
                == "signkey-prod-b2ed992186a5cb19f6668aade821f502c1d00970dfd0e35128d51bac4649916c")
        #expect(try SigningKey("12345678").hashed == "b2ed992186a5cb19f6668aade821f502c1d00970dfd0e35128d51bac4649916c")
        #expect(key.secret == String(repeating: "12345678", count: 8))
        #expect(!key.description.contains("12345678"))
    }

    @Test func upperCaseSignatureHexIsAccepted() throws {
        let header = "t=1700000000&s=" + "7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4".uppercased()
        #expect(try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow) == key)
    }

    @Test(arguments: [300.0, -300.0, 0.0])
    func timestampsWithinFiveMinutesAreAccepted(offset: Double) throws {
        let header = RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue
        #expect(try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow.addingTimeInterval(offset)) == key)
    }

    @Test func expiredSignatureIsRejected() {
        let header = RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue
        #expect(throws: SignatureError.outsideTolerance(timestamp: 1_700_000_000, now: 1_700_000_301)) {
            try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow.addingTimeInterval(301))
        }
    }

    @Test func futureSignatureIsRejected() {
        let header = RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue
        #expect(throws: SignatureError.outsideTolerance(timestamp: 1_700_000_000, now: 1_699_999_699)) {
            try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow.addingTimeInterval(-301))
        }
    }

    @Test func fallbackKeyIsTried() throws {
        let other = try SigningKey(otherKeyText)
        let header = RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue
        #expect(try RequestSignature.verify(header: header, body: raw, keys: [other, key], now: fixedNow) == key)
        let canonicalHeader = "t=1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4"
        #expect(try RequestSignature.verify(header: canonicalHeader, body: raw, keys: [other, key], now: fixedNow) == key)
    }

    @Test func wrongKeyIsRejected() throws {
        let other = try SigningKey(otherKeyText)
        let header = RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue
        #expect(throws: SignatureError.mismatch) { try RequestSignature.verify(header: header, body: raw, keys: [other], now: fixedNow) }
    }

    @Test func tamperedBodyIsRejected() {
        let header = RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue
        #expect(throws: SignatureError.mismatch) {
            try RequestSignature.verify(header: header, body: Array(#"{"b": 3, "a": 1}"#.utf8), keys: [key], now: fixedNow)
        }
    }

    @Test func missingHeaderIsRejected() {
        #expect(throws: SignatureError.missing) { try RequestSignature.verify(header: nil, body: raw, keys: [key], now: fixedNow) }
        #expect(throws: SignatureError.missing) { try RequestSignature.verify(header: "", body: raw, keys: [key], now: fixedNow) }
    }

    @Test(arguments: [
        "t=1700000000",
        "s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "t=abc&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "t=1700000000&s=zzeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "t=1700000000&s=7eeae6",
        "t=-1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "t=1700000000;s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "garbage",
        "t=1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4&x",
        "t=1700000000&t=1700000001&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "t=1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4&s=aacff3c21db860245e1efbbd5a4f6be71b0558b6f181ebbb6e6ff7594f409442",
        "t=+1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "t=1700000000&&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4",
        "t=1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4&pad=" + String(repeating: "x", count: 200),
        "t=1700000000&s=7eeae6c2aa870075ed4f612169e290e5fc0d5f760638cfdb2f243e127502aae4\u{0}",
    ])
    func malformedHeadersAreRejected(header: String) {
        #expect(throws: SignatureError.malformed(header)) {
            try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow)
        }
    }

    @Test func headerFieldsMayComeInAnyOrder() throws {
        let header = "s=aacff3c21db860245e1efbbd5a4f6be71b0558b6f181ebbb6e6ff7594f409442&t=1700000000"
        #expect(try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow) == key)
    }

    @Test func unknownHeaderFieldsAreIgnored() throws {
        let header = "t=1700000000&v=1&s=aacff3c21db860245e1efbbd5a4f6be71b0558b6f181ebbb6e6ff7594f409442"
        #expect(try RequestSignature.verify(header: header, body: raw, keys: [key], now: fixedNow) == key)
    }

    @Test func errorsHaveCodes() {
        #expect(SignatureError.missing.code == .missing)
        #expect(SignatureError.malformed("x").code == .malformed)
        #expect(SignatureError.outsideTolerance(timestamp: 1, now: 1_000).code == .outsideTolerance)
        #expect(SignatureError.mismatch.code == .mismatch)
        #expect(SignatureError.malformed("a\u{0}b").description.contains("\"a?b\""))
    }

    @Test func noKeyIsAnError() {
        let header = RequestSignature.sign(raw, key: key, timestamp: 1_700_000_000).headerValue
        #expect(throws: SignatureError.noKey) { try RequestSignature.verify(header: header, body: raw, keys: [], now: fixedNow) }
    }

    @Test(arguments: ["", "signkey-test-", "signkey-test-xyz", "123"])
    func malformedKeysAreConfigurationErrors(text: String) {
        #expect(throws: ServeConfigurationError.self) { try SigningKey(text) }
    }
}
