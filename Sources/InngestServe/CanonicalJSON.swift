import InngestCore

/// RFC 8785 JSON Canonicalization Scheme (JCS): what Inngest's server signs for sync pings.
///
/// Object keys sorted by UTF-16 code units, no whitespace, minimal string escaping, doubles in
/// ECMAScript's `Number.prototype.toString` form. The text is read with the strict reader
/// (`JSONValue(json:)`), so the canonical form never stands for a value other than the one read:
/// text that reading would change (a number with more digits than it can keep, a lone surrogate, a
/// key given twice, invalid UTF-8) and `-0` (which JCS writes as `0`) have no canonical form.
/// Integers are written with all their digits, so two different integers never share one.
public enum CanonicalJSON: Sendable {
    /// Parses JSON text strictly and returns its canonical form.
    /// - Parameter bytes: JSON text.
    /// - Returns: the canonical UTF-8 bytes.
    /// - Throws: `CanonicalJSONError` when the text is not JSON the strict reader accepts, or holds a
    ///   number without a canonical form of its own.
    public static func canonicalize(_ bytes: some Collection<UInt8>) throws(CanonicalJSONError) -> [UInt8] {
        let value: JSONValue
        do {
            value = try JSONValue(json: bytes)
        } catch {
            throw CanonicalJSONError("the text is not JSON that can be read without changing it: \(error)")
        }
        return try serialize(value)
    }

    /// The canonical form of a JSON value.
    /// - Throws: `CanonicalJSONError` for NaN, infinities and `-0`, which have no canonical form that
    ///   keeps them apart from another value.
    public static func serialize(_ value: JSONValue) throws(CanonicalJSONError) -> [UInt8] {
        guard let bytes = JSONWriter.write(value, form: .canonical) else {
            throw CanonicalJSONError("the value holds -0, NaN or an infinity, which have no RFC 8785 form of their own "
                                     + "(-0 would be written as 0)")
        }
        return bytes
    }
}
