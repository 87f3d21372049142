#if canImport(CryptoKit)
import CryptoKit
#else
import CLibCrypto
#endif

extension Digest {
    /// The platform-specific implementation behind ``Digest``.
    ///
    /// Every function takes raw buffers whose base address may be relied upon to be
    /// non-`nil` (see ``ContiguousByteAccess``).
    enum Backend: Sendable {
        #if canImport(CryptoKit)

        /// The SHA-1 digest of `input`.
        static func sha1(_ input: UnsafeRawBufferPointer) -> [UInt8] {
            Array(Insecure.SHA1.hash(data: input))
        }

        /// The SHA-256 digest of `input`.
        static func sha256(_ input: UnsafeRawBufferPointer) -> [UInt8] {
            Array(SHA256.hash(data: input))
        }

        /// The HMAC-SHA256 of `message` under `key`.
        static func hmacSHA256(key: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer) -> [UInt8] {
            let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
            return Array(code)
        }

        /// The lowercase hex SHA-1 digest of `input`, without an intermediate array.
        static func sha1Hex(_ input: UnsafeRawBufferPointer) -> String {
            let digest = Insecure.SHA1.hash(data: input)
            return digest.withUnsafeBytes { Hex.encode(contiguous: $0) }
        }

        #else

        /// The SHA-1 digest of `input`.
        static func sha1(_ input: UnsafeRawBufferPointer) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: Digest.sha1Length) { output, count in
                count = OpenSSLDigest.sha1.hash(input, into: UnsafeMutableRawBufferPointer(output))
            }
        }

        /// The SHA-256 digest of `input`.
        static func sha256(_ input: UnsafeRawBufferPointer) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: Digest.sha256Length) { output, count in
                count = OpenSSLDigest.sha256.hash(input, into: UnsafeMutableRawBufferPointer(output))
            }
        }

        /// The HMAC-SHA256 of `message` under `key`.
        static func hmacSHA256(key: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer) -> [UInt8] {
            // OpenSSL takes the key length as an `int`. RFC 2104 replaces keys longer than the
            // block size by their hash, so hashing an oversized key first gives the same code.
            if key.count > Int(Int32.max) {
                return sha256(key).withUnsafeBytes { hmacSHA256(key: $0, message: message) }
            }
            return [UInt8](unsafeUninitializedCapacity: Digest.sha256Length) { output, count in
                var length: UInt32 = 0
                let result = HMAC(
                    EVP_sha256(),
                    key.baseAddress, Int32(key.count),
                    message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count,
                    output.baseAddress, &length
                )
                precondition(
                    result != nil && Int(length) == Digest.sha256Length,
                    "OpenSSL HMAC-SHA256 failed; check that libcrypto is installed and not in a restricted FIPS mode"
                )
                count = Int(length)
            }
        }

        /// The lowercase hex SHA-1 digest of `input`, without an intermediate array.
        static func sha1Hex(_ input: UnsafeRawBufferPointer) -> String {
            withUnsafeTemporaryAllocation(byteCount: Digest.sha1Length, alignment: 1) { output in
                let count = OpenSSLDigest.sha1.hash(input, into: output)
                return Hex.encode(contiguous: UnsafeRawBufferPointer(rebasing: output[0..<count]))
            }
        }

        #endif
    }
}
