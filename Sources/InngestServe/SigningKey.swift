#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestCrypto

/// An Inngest signing key, e.g. `signkey-prod-<hex>`: the HMAC key for request signatures and,
/// hashed, the Bearer token for calls to the Inngest API.
public struct SigningKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as configured, with its `signkey-<env>-` prefix if it had one.
    public let rawValue: String
    /// The `signkey-<env>-` prefix, or `""`.
    public let prefix: String
    /// The key without the prefix: a hexadecimal string.
    public let secret: String

    /// Parses a key.
    /// - Parameter rawValue: the key as configured (`INNGEST_SIGNING_KEY`).
    /// - Throws: `ServeConfigurationError` when the key is empty or its secret part is not hexadecimal.
    public init(_ rawValue: String) throws(ServeConfigurationError) {
        let trimmed = rawValue.trimmingWhitespace
        let prefix = Self.prefix(of: trimmed)
        let secret = String(trimmed.dropFirst(prefix.count))
        guard !secret.isEmpty else {
            throw ServeConfigurationError("the signing key is empty; copy it from the Inngest dashboard (signkey-<env>-<hex>) into INNGEST_SIGNING_KEY")
        }
        guard Hex.decode(secret) != nil else {
            throw ServeConfigurationError("the signing key is not of the form signkey-<env>-<hex> or <hex>: after the prefix it must be "
                                          + "an even number of hexadecimal digits; check INNGEST_SIGNING_KEY for typos or quotes")
        }
        self.rawValue = trimmed
        self.prefix = prefix
        self.secret = secret
    }

    /// The HMAC key: the UTF-8 bytes of the secret (not hex-decoded), as every Inngest SDK does.
    public var hmacKey: [UInt8] { Array(secret.utf8) }

    /// The Bearer token: `prefix + hex(sha256(hex_decode(secret)))`.
    public var hashed: String {
        prefix + Hex.encode(Digest.sha256(Hex.decode(secret) ?? []))
    }

    /// The prefix and a redacted secret, safe for logs.
    public var description: String { "\(prefix)…(\(secret.count) hex digits)" }

    /// The `signkey-<word>-` prefix (`^signkey-\w+-`), or `""`.
    static func prefix(of key: String) -> String {
        let head = "signkey-"
        guard key.hasPrefix(head) else { return "" }
        let rest = key.dropFirst(head.count)
        let word = rest.prefix { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard !word.isEmpty, rest.dropFirst(word.count).first == "-" else { return "" }
        return head + word + "-"
    }
}
