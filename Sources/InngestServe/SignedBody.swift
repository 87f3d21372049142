/// A request body whose signature verified: the key that matched and the exact bytes the signature
/// covers. Everything after verification reads `bytes`, never the request's raw body, so that what
/// the handler acts on is what was signed.
package struct SignedBody: Sendable, Hashable {
    /// Which bytes the signature covered.
    package enum Form: Sendable, Hashable {
        /// The body as received.
        case raw
        /// The RFC 8785 canonical form of the body (Inngest signs sync pings this way).
        case canonical
    }

    /// The key that produced the signature.
    package let key: SigningKey
    /// The bytes the signature covers: the raw body, or its canonical form.
    package let bytes: [UInt8]
    /// Which of the two `bytes` is.
    package let form: Form
}
