#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A progress bar on standard error, redrawn in place on a terminal; elsewhere (a pipe, a log file)
/// nothing is drawn and the caller's last line says what was done.
final class ProgressBar {
    private let total: Int
    private var done = 0
    private let drawn = isatty(STDERR_FILENO) == 1
    private var lastPercent = -1

    init(total: Int) { self.total = max(1, total) }

    /// One more item done.
    func advance() {
        done += 1
        let percent = done * 100 / total
        guard drawn, percent != lastPercent || done == total else { return }
        lastPercent = percent
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(percent)%".utf8))
    }

    /// Ends the bar's line.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
