import Foundation

/// How long this disk takes to make a small write durable: `fdatasync` after overwriting 4 KiB of
/// a file in `folder` (what a commit of the write-ahead log costs at least), `count` times.
/// - Returns: the sorted latencies in milliseconds, empty when the file could not be written.
func diskSyncLatencies(in folder: URL, count: Int = 200) -> [Double] {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("fsync-probe").path
    let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return [] }
    defer {
        close(descriptor)
        unlink(path)
    }
    let page = [UInt8](repeating: 0x5A, count: 4096)
    var latencies: [Double] = []
    for index in 0..<count {
        let written = page.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(index % 16 * 4096)) }
        guard written == page.count else { return [] }
        let start = ContinuousClock.now
        guard fdatasync(descriptor) == 0 else { return [] }
        latencies.append(seconds(ContinuousClock.now - start) * 1000)
    }
    return latencies.sorted()
}
