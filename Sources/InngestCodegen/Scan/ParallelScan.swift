import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

extension Scanner {
    /// Scans every file, on as many threads as the machine has cores (at most one per 16 files):
    /// files are independent, and the results come back in the order given.
    /// - Parameter sources: path and bytes of each file.
    /// - Returns: one scanned file per source, in order.
    static func scanAll(_ sources: [(path: String, bytes: [UInt8])]) -> [ScannedFile] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, sources.count / 16)
        guard workers > 1 else { return sources.map { scan(contentsOf: $0.bytes, path: $0.path) } }
        let results = ScanResults(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Interleaved, so that one large file does not leave a worker alone at the end.
            var scanned: [(Int, ScannedFile)] = []
            for index in stride(from: worker, to: sources.count, by: workers) {
                scanned.append((index, scan(contentsOf: sources[index].bytes, path: sources[index].path)))
            }
            results.store(scanned)
        }
        return results.ordered()
    }
}

/// The scans of each worker, collected under a lock.
private final class ScanResults: Sendable {
    private let files: Mutex<[ScannedFile?]>

    init(count: Int) { files = Mutex(Array(repeating: nil, count: count)) }

    func store(_ scanned: [(Int, ScannedFile)]) {
        files.withLock { files in for (index, file) in scanned { files[index] = file } }
    }

    func ordered() -> [ScannedFile] {
        files.withLock { $0.compactMap { $0 } }
    }
}
