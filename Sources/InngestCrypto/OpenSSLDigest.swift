#if !canImport(CryptoKit)
import CLibCrypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Android)
import Android
#endif

/// A message digest algorithm of OpenSSL's libcrypto, used by ``Digest`` where CryptoKit
/// is unavailable.
///
/// On OpenSSL 3 the algorithm is fetched once with `EVP_MD_fetch` and reused: passing the
/// legacy `EVP_sha1()` handle to `EVP_Digest` makes OpenSSL 3 look the implementation up
/// again on every call, which doubles the cost of hashing a short string. `EVP_MD_fetch`
/// is resolved at run time so the module still builds and runs against OpenSSL 1.1, where
/// the legacy handle is used directly.
///
/// Fetched and legacy `EVP_MD` objects are immutable once created and OpenSSL documents
/// them as safe to share between threads, hence the `@unchecked Sendable`. The fetched
/// objects live for the whole process and are intentionally never freed.
struct OpenSSLDigest: @unchecked Sendable {
    /// SHA-1.
    static let sha1 = OpenSSLDigest(fetching: "SHA1", orLegacy: EVP_sha1(), name: "SHA-1")

    /// SHA-256.
    static let sha256 = OpenSSLDigest(fetching: "SHA256", orLegacy: EVP_sha256(), name: "SHA-256")

    /// The OpenSSL algorithm handle (`const EVP_MD *`).
    let algorithm: OpaquePointer?

    /// The algorithm's name, for failure messages.
    let name: StaticString

    /// The C signature of OpenSSL 3's
    /// `EVP_MD *EVP_MD_fetch(OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties)`.
    private typealias FetchFunction = @convention(c) (
        OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?
    ) -> OpaquePointer?

    /// Fetches `fetchName` from OpenSSL 3's default library context, falling back to
    /// `legacy` when `EVP_MD_fetch` does not exist (OpenSSL 1.1) or the fetch fails.
    private init(fetching fetchName: String, orLegacy legacy: OpaquePointer?, name: StaticString) {
        self.name = name
        self.algorithm = Self.fetch(fetchName) ?? legacy
    }

    /// Looks up `EVP_MD_fetch` among the process's global symbols and calls it.
    private static func fetch(_ name: String) -> OpaquePointer? {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "EVP_MD_fetch") else {
            return nil
        }
        let fetch = unsafeBitCast(symbol, to: FetchFunction.self)
        return fetch(nil, name, nil)
    }

    /// Hashes `input` into the start of `output` and returns the digest length.
    ///
    /// `output` must have room for the digest (20 bytes for SHA-1, 32 for SHA-256).
    func hash(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        var length: UInt32 = 0
        let result = EVP_Digest(
            input.baseAddress, input.count,
            output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length,
            algorithm, nil
        )
        precondition(
            result == 1 && Int(length) <= output.count,
            "OpenSSL \(name) digest failed; check that libcrypto is installed and permits this algorithm"
        )
        return Int(length)
    }
}
#endif
