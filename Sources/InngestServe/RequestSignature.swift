#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestCrypto

/// An `X-Inngest-Signature` value, `t=<unix seconds>&s=<hex>`: HMAC-SHA256 of `body || t` keyed by
/// the UTF-8 of the signing key without its `signkey-<env>-` prefix.
///
/// Verification is split so that a forged request costs almost nothing: `fresh(header:keys:now:)`
/// checks the header's shape and time without any HMAC; the caller then checks the body's size;
/// only then does `authenticate(_:keys:)` compute HMACs, at most one per key over the raw body and
/// one per key over its canonical form, and nothing else reads the body before it.
public struct RequestSignature: Sendable, Hashable, CustomStringConvertible {
    /// Unix seconds when the message was signed.
    public let timestamp: Int64
    /// The HMAC, lowercase hex.
    public let signature: String

    /// How far a signature's time may be from now, either way: 5 minutes.
    public static let tolerance: Int64 = 300

    /// The longest header value read; a well-formed one is at most 88 bytes.
    static let maximumHeaderLength = 256

    /// The largest body whose signature may cover its canonical form rather than its bytes: 64 KiB.
    ///
    /// Inngest signs the RFC 8785 form of a sync ping (a `{"url": …}` of a few hundred bytes) but
    /// sends Go's `json.Marshal` bytes, so those must be canonicalised to verify. Execution bodies
    /// are sent exactly as signed, so a larger body must match byte for byte: a forged one is never
    /// parsed.
    public static let canonicalFallbackLimit = 64 * 1024

    /// HMAC-SHA256 of a message under a key; injectable so tests can count the calls.
    package typealias MAC = (_ key: [UInt8], _ message: [UInt8]) -> [UInt8]

    /// Creates a signature from parts.
    public init(timestamp: Int64, signature: String) {
        self.timestamp = timestamp
        self.signature = signature.lowercased()
    }

    /// Parses a header value. Nothing but the header is read.
    /// - Throws: `SignatureError.malformed` unless it is `t=<decimal digits>&s=<64 hex digits>` (in
    ///   either order, each once, at most 256 bytes).
    public init(header: String) throws(SignatureError) {
        guard header.utf8.count <= Self.maximumHeaderLength else { throw SignatureError.malformed(header) }
        var t: Substring?
        var s: Substring?
        for pair in header.trimmingWhitespace.split(separator: "&", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw SignatureError.malformed(header) }
            switch parts[0] {
            case "t" where t == nil: t = parts[1]
            case "s" where s == nil: s = parts[1]
            case "t", "s": throw SignatureError.malformed(header)  // Given twice: which one was meant?
            default: continue  // Unknown fields are ignored, as Inngest's own parser does.
            }
        }
        guard let t, (1...18).contains(t.utf8.count), t.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let timestamp = Int64(t), timestamp > 0,
              let s, s.utf8.count == 64, Hex.decode(String(s)) != nil else {
            throw SignatureError.malformed(header)
        }
        self.init(timestamp: timestamp, signature: String(s))
    }

    /// `t=<timestamp>&s=<signature>`.
    public var headerValue: String { "t=\(timestamp)&s=\(signature)" }

    /// The header value.
    public var description: String { headerValue }

    /// Signs `body` at `timestamp`.
    /// - Parameters:
    ///   - body: the exact bytes to sign.
    ///   - key: the signing key.
    ///   - timestamp: unix seconds.
    public static func sign(_ body: some Collection<UInt8>, key: SigningKey, timestamp: Int64) -> RequestSignature {
        RequestSignature(timestamp: timestamp, signature: Hex.encode(hmac(key.hmacKey, message(body, timestamp: timestamp))))
    }

    /// Verifies a header against a body: the HMAC may cover the raw bytes or, for bodies up to
    /// `canonicalFallbackLimit`, their RFC 8785 canonical form (see `CanonicalJSON`). Every key is
    /// tried in order; comparisons are constant-time.
    /// - Parameters:
    ///   - header: the `X-Inngest-Signature` value, if any.
    ///   - body: the raw request body.
    ///   - keys: the keys to try, primary first.
    ///   - now: the current time.
    /// - Returns: the key that matched.
    /// - Throws: `SignatureError` saying why the request is rejected.
    @discardableResult
    public static func verify(header: String?, body: [UInt8], keys: [SigningKey], now: Date) throws(SignatureError) -> SigningKey {
        try fresh(header: header, keys: keys, now: now).authenticate(body, keys: keys).key
    }

    /// The checks that need no HMAC: a header is present, well formed and within `tolerance` of now,
    /// and a key is configured.
    /// - Throws: `SignatureError` (`missing`, `malformed`, `outsideTolerance`, `noKey`).
    package static func fresh(header: String?, keys: [SigningKey], now: Date) throws(SignatureError) -> RequestSignature {
        guard let header, !header.isEmpty else { throw SignatureError.missing }
        let parsed = try RequestSignature(header: header)
        let seconds = now.timeIntervalSince1970.rounded(.down)
        let nowSeconds = seconds.isFinite ? Int64(max(min(seconds, 1e18), -1e18)) : 0
        let (distance, overflow) = nowSeconds.subtractingReportingOverflow(parsed.timestamp)
        guard !overflow, distance.magnitude <= UInt64(tolerance) else {
            throw SignatureError.outsideTolerance(timestamp: parsed.timestamp, now: nowSeconds)
        }
        guard !keys.isEmpty else { throw SignatureError.noKey }
        return parsed
    }

    /// Checks the signature against `body`: the raw bytes first, each key once; then, if none
    /// matched and the body is at most `canonicalFallbackLimit` bytes, its canonical form, each key
    /// once. The body is copied once (to append the timestamp), not once per key.
    /// - Parameters:
    ///   - body: the raw request body.
    ///   - keys: the keys to try, primary first.
    ///   - mac: the HMAC function (tests count its calls).
    /// - Returns: the key that matched and the bytes the signature covers.
    /// - Throws: `SignatureError.mismatch`, or `noKey` without keys.
    package func authenticate(_ body: [UInt8], keys: [SigningKey], mac: MAC = RequestSignature.hmac) throws(SignatureError) -> SignedBody {
        guard !keys.isEmpty else { throw SignatureError.noKey }
        guard let expected = Hex.decode(signature), expected.count == 32 else { throw SignatureError.malformed(headerValue) }
        let raw = Self.message(body, timestamp: timestamp)
        for key in keys where ConstantTime.equals(mac(key.hmacKey, raw), expected) {
            return SignedBody(key: key, bytes: body)
        }
        guard body.count <= Self.canonicalFallbackLimit, let canonical = try? CanonicalJSON.canonicalize(body), canonical != body else {
            throw SignatureError.mismatch
        }
        let message = Self.message(canonical, timestamp: timestamp)
        for key in keys where ConstantTime.equals(mac(key.hmacKey, message), expected) {
            return SignedBody(key: key, bytes: canonical)
        }
        throw SignatureError.mismatch
    }

    /// HMAC-SHA256 with the platform's crypto.
    package static func hmac(_ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Digest.hmacSHA256(key: key, message: message)
    }

    /// `body || decimal(timestamp)`, built with one copy of the body.
    private static func message(_ body: some Collection<UInt8>, timestamp: Int64) -> [UInt8] {
        let suffix = String(timestamp).utf8
        var message: [UInt8] = []
        message.reserveCapacity(body.count + suffix.count)
        message.append(contentsOf: body)
        message.append(contentsOf: suffix)
        return message
    }
}
