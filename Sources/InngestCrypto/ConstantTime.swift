/// Comparisons whose running time does not depend on the contents being compared.
///
/// Use these to compare secrets such as signatures and MACs, where an early-exit `==`
/// would leak, through timing, how many leading bytes an attacker guessed correctly.
public enum ConstantTime: Sendable {
    /// Returns whether `a` and `b` hold the same bytes.
    ///
    /// When the lengths are equal, every byte is examined regardless of where (or whether)
    /// the inputs differ. Collections of different lengths compare unequal immediately:
    /// lengths are not treated as secret (signatures and MACs have public, fixed lengths).
    public static func equals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else {
            return false
        }
        return ContiguousByteAccess.with(a) { left in
            ContiguousByteAccess.with(b) { right in
                equals(contiguous: left, right)
            }
        }
    }

    /// Compares two equally long buffers by OR-ing the XOR of every byte pair.
    @inline(never)
    private static func equals(contiguous left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        var difference: UInt8 = 0
        for index in 0..<min(left.count, right.count) {
            difference |= left[index] ^ right[index]
        }
        return difference == 0 && left.count == right.count
    }
}
