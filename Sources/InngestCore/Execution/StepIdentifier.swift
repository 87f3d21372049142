import InngestCrypto

/// Inngest's step id hashing: SHA-1 of the user's id, and of `id:N` for its N-th repeat (N ≥ 1) within
/// one execution, lowercase hex. A run keeps the same memo keys whichever orchestrator runs it.
public enum StepIdentifier {
    /// The hashed id of the `index`-th occurrence (0-based) of `id`.
    public static func hash(_ id: String, occurrence index: Int = 0) -> String {
        Digest.sha1Hex(index == 0 ? id : "\(id):\(index)")
    }
}
