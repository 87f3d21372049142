#if canImport(CryptoKit)
import CryptoKit
#else
import CLibCrypto
#endif

/// One-shot message digests and message authentication codes computed with the
/// platform's crypto library: CryptoKit on Apple platforms, OpenSSL's libcrypto elsewhere.
///
/// All functions accept any `Collection` of bytes. Collections with contiguous storage
/// (`Array`, `ArraySlice`, `String.UTF8View`, …) are hashed in place without copying.
public enum Digest: Sendable {
    /// The length in bytes of a SHA-1 digest.
    static let sha1Length = 20

    /// The length in bytes of a SHA-256 digest and of an HMAC-SHA256 code.
    static let sha256Length = 32

    /// Returns the 20-byte SHA-1 digest of `bytes`.
    ///
    /// SHA-1 is not collision resistant; use it only where a protocol requires it
    /// (Inngest hashes step identifiers with it).
    public static func sha1(_ bytes: some Collection<UInt8>) -> [UInt8] {
        ContiguousByteAccess.with(bytes) { input in
            Backend.sha1(input)
        }
    }

    /// Returns the 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        ContiguousByteAccess.with(bytes) { input in
            Backend.sha256(input)
        }
    }

    /// Returns the 32-byte HMAC-SHA256 of `message` under `key`.
    ///
    /// Keys of any length are accepted, including the empty key; keys longer than the
    /// SHA-256 block size (64 bytes) are hashed first, as RFC 2104 specifies.
    public static func hmacSHA256(
        key: some Collection<UInt8>,
        message: some Collection<UInt8>
    ) -> [UInt8] {
        ContiguousByteAccess.with(key) { keyBytes in
            ContiguousByteAccess.with(message) { messageBytes in
                Backend.hmacSHA256(key: keyBytes, message: messageBytes)
            }
        }
    }

    /// Returns the lowercase hexadecimal SHA-1 digest of the UTF-8 encoding of `string`
    /// (40 characters).
    ///
    /// This is how Inngest turns a step identifier into the hashed id it sends on the wire.
    public static func sha1Hex(_ string: String) -> String {
        var string = string
        return string.withUTF8 { utf8 in
            Backend.sha1Hex(UnsafeRawBufferPointer(utf8))
        }
    }
}
