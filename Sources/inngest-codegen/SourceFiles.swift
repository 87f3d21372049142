#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files' bytes, in path order.
func readSources(_ paths: [String]) -> [(path: String, bytes: [UInt8])] {
    paths.sorted().map { path in
        guard let bytes = contents(ofFile: path) else { fail("cannot read \(path)") }
        return (path, bytes)
    }
}

/// A file's bytes, read straight into the array rather than through `Data` and a copy; nil when
/// it cannot be opened or read. A file that grew since its size was taken is read to its end.
func contents(ofFile path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    // One byte more than the size, so that a file that did not grow ends the first read.
    let capacity = max(Int(status.st_size), 0) + 1
    var failed = false
    var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        count = fill(buffer, from: descriptor, failed: &failed)
    }
    guard !failed else { return nil }
    guard bytes.count == capacity else { return bytes }
    var piece = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = piece.withUnsafeMutableBufferPointer { fill($0, from: descriptor, failed: &failed) }
        guard !failed else { return nil }
        bytes += piece[..<count]
        if count < piece.count { return bytes }
    }
}

/// Reads into `buffer` until it is full or the file ends; returns how many bytes it read.
func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from descriptor: Int32, failed: inout Bool) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var count = 0
    while count < buffer.count {
        let got = read(descriptor, base + count, buffer.count - count)
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failed = true }
        if got <= 0 { break }
        count += got
    }
    return count
}
