import Foundation
import Inngest

/// An app booted on a fresh store, then left idle: its resident memory, and the CPU time it uses
/// over `seconds` of idleness (the loop wakes once a second to read SQLite's `data_version`).
func idleScenario(seconds idle: Int) async throws {
    print("\nidle — an app of one function on a fresh store, idle after boot")
    print("command: swift run -c release inngest-bench idle")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inngest-bench-idle-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = memory()
    let configuration = InngestConfiguration(
        appId: "bench",
        engine: EngineConfiguration(databasePath: folder.appendingPathComponent("engine.sqlite").path,
                                    logger: InngestLogger(sink: InngestLogger.discard)))
    let app = try await InngestApp.boot(BenchModule.self, configuration: configuration,
                                        functions: [FunctionDefinition(handler: ThreeStepFunction())])
    try await Task.sleep(for: .seconds(1))
    let booted = memory()
    let start = cpuMilliseconds()
    try await Task.sleep(for: .seconds(idle))
    let used = cpuMilliseconds() - start
    report("resident memory before boot: total (private + shared libraries)", before.description)
    report("resident memory after boot, idle: total (private + shared libraries)", booted.description)
    report("CPU time over \(idle) s idle (user + system)", String(format: "%.1f ms (%.3f %% of one core)", used, used / Double(idle * 10)))
    await app.shutdown()
}

/// Resident memory of this process from `/proc/self/status`, in MiB: all of it, the private part
/// (heap, stacks) and the pages of mapped files (shared libraries, shared with other processes).
private struct Resident: CustomStringConvertible {
    var total = Double.nan, anonymous = Double.nan, files = Double.nan

    var description: String { String(format: "%.1f MiB (%.1f + %.1f)", total, anonymous, files) }
}

private func memory() -> Resident {
    var resident = Resident()
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return resident }
    for line in status.split(separator: "\n") {
        let fields = line.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let kib = Double(fields[1]) else { continue }
        switch fields[0] {
        case "VmRSS:": resident.total = kib / 1024
        case "RssAnon:": resident.anonymous = kib / 1024
        case "RssFile:": resident.files = kib / 1024
        default: continue
        }
    }
    return resident
}

/// User and system CPU time of this process so far, in milliseconds.
private func cpuMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
    return milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
}
