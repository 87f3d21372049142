/// What resolving a type in a context yields after boot.
@usableFromInline
enum Slot: Sendable {
    /// A built singleton.
    case instance(InstanceBox)
    /// A transient provider (by index), built on every resolve.
    case transient(Int)
}

/// The immutable lookup table of one context, created at the end of boot: an open-addressing
/// hash table keyed by type identity (Fibonacci hashing, linear probing, load factor at most ½).
/// A lookup is a multiply, a shift and usually one comparison: no lock, no allocation.
@usableFromInline
final class TypeTable: Sendable {
    /// Type identities by bucket; 0 marks an empty bucket (no metatype lives at address 0).
    @usableFromInline let keys: [UInt]
    /// Slots by bucket, `nil` where the bucket is empty.
    @usableFromInline let slots: [Slot?]
    /// `UInt.bitWidth - log2(bucket count)`: the hash keeps the product's top bits.
    @usableFromInline let shift: Int

    /// Builds the table from every type visible in a context.
    init(_ entries: [ObjectIdentifier: Slot]) {
        var bits = 1
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << bits
        var keys = Array(repeating: UInt(0), count: capacity)
        var slots = Array(repeating: Slot?.none, count: capacity)
        let shift = UInt.bitWidth - bits
        for (id, slot) in entries {
            let key = UInt(bitPattern: id)
            var index = Self.bucket(of: key, shift: shift)
            while keys[index] != 0 { index = (index + 1) & (capacity - 1) }
            keys[index] = key
            slots[index] = slot
        }
        self.keys = keys
        self.slots = slots
        self.shift = shift
    }

    /// The slot of the type identified by `id`, or `nil` when the type is not visible.
    @inlinable
    func slot(for id: ObjectIdentifier) -> Slot? {
        let key = UInt(bitPattern: id)
        let mask = keys.count - 1
        var index = Self.bucket(of: key, shift: shift)
        while true {
            let candidate = keys[index]
            if candidate == key { return slots[index] }
            if candidate == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// The home bucket of `key`.
    @inlinable
    static func bucket(of key: UInt, shift: Int) -> Int {
        let multiplier = UInt(truncatingIfNeeded: 0x9E37_79B9_7F4A_7C15 as UInt64)
        return Int(truncatingIfNeeded: (key &* multiplier) &>> UInt(shift))
    }
}

/// The lookup tables of every context, indexed like ``ValidatedGraph/contexts``.
final class FrozenTables: Sendable {
    /// One table per context.
    let contexts: [TypeTable]

    init(contexts: [TypeTable]) {
        self.contexts = contexts
    }
}
