import InngestCrypto
import Synchronization

/// Inngest's step id hashing: SHA-1 of the user's id, and of `id:N` for its N-th repeat (N ≥ 1) within
/// one execution, lowercase hex. A run keeps the same memo keys whichever orchestrator runs it.
public enum StepIdentifier {
    /// Hashed ids already computed, by the text hashed. A function hashes the same few ids at every
    /// execution (and a replay rehashes every recorded step): a lookup costs a tenth of a SHA-1
    /// through libcrypto. Bounded: emptied when full, so ids made of data cannot grow it for ever.
    private static let cache = Mutex<[String: String]>([:])
    private static let cacheCapacity = 8_192
    /// Longer texts are hashed each time rather than kept.
    private static let longestCached = 256

    /// The hashed id of the `index`-th occurrence (0-based) of `id`.
    public static func hash(_ id: String, occurrence index: Int = 0) -> String {
        let text = index == 0 ? id : "\(id):\(index)"
        guard text.utf8.count <= longestCached else { return Digest.sha1Hex(text) }
        if let known = cache.withLock({ $0[text] }) { return known }
        let hashed = Digest.sha1Hex(text)
        cache.withLock { cache in
            if cache.count >= cacheCapacity { cache.removeAll(keepingCapacity: true) }
            cache[text] = hashed
        }
        return hashed
    }
}
