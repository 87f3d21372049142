import Foundation
import InngestCrypto

/// An `X-Inngest-Signature` value, `t=<unix seconds>&s=<hex>`: HMAC-SHA256 of `body || t` keyed by
/// the UTF-8 of the signing key without its `signkey-<env>-` prefix.
public struct RequestSignature: Sendable, Hashable, CustomStringConvertible {
    /// Unix seconds when the message was signed.
    public let timestamp: Int64
    /// The HMAC, lowercase hex.
    public let signature: String

    /// How far a signature's time may be from now, either way: 5 minutes.
    public static let tolerance: Int64 = 300

    /// Creates a signature from parts.
    public init(timestamp: Int64, signature: String) {
        self.timestamp = timestamp
        self.signature = signature.lowercased()
    }

    /// Parses a header value.
    /// - Throws: `SignatureError.malformed` unless it is `t=<integer>&s=<64 hex digits>` (in any order).
    public init(header: String) throws(SignatureError) {
        var fields: [String: String] = [:]
        for pair in header.trimmingCharacters(in: .whitespaces).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw SignatureError.malformed(header) }
            fields[String(parts[0])] = String(parts[1])
        }
        guard let t = fields["t"], let timestamp = Int64(t), timestamp > 0,
              let s = fields["s"], s.utf8.count == 64, Hex.decode(s) != nil else {
            throw SignatureError.malformed(header)
        }
        self.init(timestamp: timestamp, signature: s)
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
        RequestSignature(timestamp: timestamp, signature: Hex.encode(mac(body, key: key, timestamp: timestamp)))
    }

    /// Verifies a header against a body: the HMAC may cover the raw bytes or their RFC 8785
    /// canonical form (Inngest signs the canonical form of sync pings while sending other bytes).
    /// Every key is tried in order; comparisons are constant-time.
    /// - Parameters:
    ///   - header: the `X-Inngest-Signature` value, if any.
    ///   - body: the raw request body.
    ///   - keys: the keys to try, primary first.
    ///   - now: the current time.
    /// - Returns: the key that matched.
    /// - Throws: `SignatureError` saying why the request is rejected.
    @discardableResult
    public static func verify(header: String?, body: [UInt8], keys: [SigningKey], now: Date) throws(SignatureError) -> SigningKey {
        guard let header, !header.isEmpty else { throw SignatureError.missing }
        let parsed = try RequestSignature(header: header)
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        guard abs(nowSeconds - parsed.timestamp) <= tolerance else {
            throw SignatureError.outsideTolerance(timestamp: parsed.timestamp, now: nowSeconds)
        }
        guard !keys.isEmpty else { throw SignatureError.noKey }
        guard let expected = Hex.decode(parsed.signature) else { throw SignatureError.malformed(header) }
        var canonical: [UInt8]?? = .none
        for key in keys {
            if ConstantTime.equals(mac(body, key: key, timestamp: parsed.timestamp), expected) { return key }
            if canonical == nil { canonical = .some(try? CanonicalJSON.canonicalize(body)) }
            if let form = canonical ?? nil, form != body,
               ConstantTime.equals(mac(form, key: key, timestamp: parsed.timestamp), expected) {
                return key
            }
        }
        throw SignatureError.mismatch
    }

    private static func mac(_ body: some Collection<UInt8>, key: SigningKey, timestamp: Int64) -> [UInt8] {
        var message = Array(body)
        message += Array(String(timestamp).utf8)
        return Digest.hmacSHA256(key: key.hmacKey, message: message)
    }
}
