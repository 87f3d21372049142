/// Helpers that hand a byte collection to C or CryptoKit without copying when the
/// collection already stores its bytes contiguously.
enum ContiguousByteAccess: Sendable {
    /// Calls `body` with a raw view of `bytes`.
    ///
    /// Uses `withContiguousStorageIfAvailable` so `Array`, `ArraySlice`, `ContiguousArray`,
    /// `UnsafeBufferPointer` and native `String.UTF8View` are passed through without a copy;
    /// any other collection is copied into a temporary `Array` first.
    /// The buffer's base address is never `nil`, so it is safe to pass to C functions that
    /// reject `NULL` even for empty input.
    @inline(__always)
    static func with<C: Collection<UInt8>, R>(
        _ bytes: C,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        if let result = try bytes.withContiguousStorageIfAvailable({ buffer in
            try withNonNilBase(UnsafeRawBufferPointer(buffer), body)
        }) {
            return result
        }
        return try Array(bytes).withUnsafeBytes { buffer in
            try withNonNilBase(buffer, body)
        }
    }

    /// Replaces an empty buffer that has a `nil` base address with an empty buffer that
    /// points at a valid (unused) byte.
    @inline(__always)
    private static func withNonNilBase<R>(
        _ buffer: UnsafeRawBufferPointer,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        if buffer.baseAddress != nil {
            return try body(buffer)
        }
        var placeholder: UInt8 = 0
        return try withUnsafeBytes(of: &placeholder) { placeholderBuffer in
            try body(UnsafeRawBufferPointer(start: placeholderBuffer.baseAddress, count: 0))
        }
    }
}
