/// What resolving a type in a context yields after boot.
@usableFromInline
enum Slot: Sendable {
    /// A built singleton.
    case instance(InstanceBox)
    /// A provider (by index) that is not a singleton: built on every resolve, or once per run.
    /// A transient that can be built without suspending carries its typed constructor.
    case transient(Int, Constructor?)
}

/// The immutable lookup table of every context, created at the end of boot: an open-addressing
/// hash table keyed by context and type identity (Fibonacci hashing, linear probing, load factor
/// at most ½). A lookup is a multiply, a shift and usually one comparison: no lock, no allocation.
///
/// One table for all contexts, so that a resolver holds one reference to it, not one per context
/// plus the context's own. The probe reads only plain integers; what a bucket resolves to sits in
/// arrays beside them, so that a lookup copies (and retains) nothing it does not return.
@usableFromInline
final class TypeTable: Sendable {
    /// The key of each bucket: a type identity (0 marks an empty bucket: no metatype lives at
    /// address 0) and the context it is visible in.
    @usableFromInline let keys: [(type: UInt, context: Int)]
    /// The bucket count minus one.
    @usableFromInline let mask: Int
    /// The built singleton of each bucket, `nil` for any other provider.
    @usableFromInline let instances: [InstanceBox?]
    /// The typed constructor of each bucket holding a transient that can be built without suspending.
    @usableFromInline let constructors: [Constructor?]
    /// The provider index of each bucket.
    @usableFromInline let nodes: [Int]
    /// `UInt.bitWidth - log2(bucket count)`: the hash keeps the product's top bits.
    @usableFromInline let shift: Int

    /// The table of resolvers made during boot, before the frozen one exists: it holds nothing,
    /// so every lookup takes the general path.
    static let booting = TypeTable([])

    /// Whether this is ``booting``.
    var isBooting: Bool { self === TypeTable.booting }

    /// Builds the table from every type visible in every context (indexed like ``ValidatedGraph/contexts``).
    init(_ visible: [[ObjectIdentifier: Slot]]) {
        let count = visible.reduce(0) { $0 + $1.count }
        var bits = 1
        while (1 << bits) < count * 2 { bits += 1 }
        let capacity = 1 << bits
        var keys = Array(repeating: (type: UInt(0), context: 0), count: capacity)
        var instances = Array(repeating: InstanceBox?.none, count: capacity)
        var constructors = Array(repeating: Constructor?.none, count: capacity)
        var nodes = Array(repeating: -1, count: capacity)
        let shift = UInt.bitWidth - bits
        for (context, entries) in visible.enumerated() {
            for (id, slot) in entries {
                let key = UInt(bitPattern: id)
                var index = Self.bucket(of: key, in: context, shift: shift)
                while keys[index].type != 0 { index = (index + 1) & (capacity - 1) }
                keys[index] = (key, context)
                switch slot {
                case .instance(let box):
                    instances[index] = box
                case .transient(let node, let constructor):
                    nodes[index] = node
                    constructors[index] = constructor
                }
            }
        }
        self.keys = keys
        self.mask = capacity - 1
        self.instances = instances
        self.constructors = constructors
        self.nodes = nodes
        self.shift = shift
    }

    /// The bucket of the type identified by `id` in `context`, or `nil` when the type is not visible there.
    @inlinable
    func bucket(of id: ObjectIdentifier, in context: Int) -> Int? {
        let key = UInt(bitPattern: id)
        var index = Self.bucket(of: key, in: context, shift: shift)
        while true {
            let candidate = keys[index]
            if candidate.type == key && candidate.context == context { return index }
            if candidate.type == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// What the type identified by `id` resolves to in `context`, or `nil` when it is not visible there.
    @usableFromInline
    func slot(for id: ObjectIdentifier, in context: Int) -> Slot? {
        guard let index = bucket(of: id, in: context) else { return nil }
        if let instance = instances[index] { return .instance(instance) }
        return .transient(nodes[index], constructors[index])
    }

    /// The home bucket of `key` in `context`.
    @inlinable
    static func bucket(of key: UInt, in context: Int, shift: Int) -> Int {
        let multiplier = UInt(truncatingIfNeeded: 0x9E37_79B9_7F4A_7C15 as UInt64)
        let mixed = key ^ (UInt(truncatingIfNeeded: context) &* 0xFF51_AFD7)
        return Int(truncatingIfNeeded: (mixed &* multiplier) &>> UInt(shift))
    }
}
