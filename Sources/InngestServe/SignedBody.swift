/// A request body whose signature verified: the key that matched and the exact bytes the signature
/// covers, the raw body or its canonical form. Everything after verification reads `bytes`, never
/// the request's raw body, so that what the handler acts on is what was signed.
package struct SignedBody: Sendable, Hashable {
    /// The key that produced the signature.
    package let key: SigningKey
    /// The bytes the signature covers.
    package let bytes: [UInt8]
}
