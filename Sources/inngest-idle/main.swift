// An app as small as an app gets: one three-step function on the embedded engine, booted on a
// fresh store in a temporary folder, then idle. It prints its resident memory after boot and the
// CPU it used over 10 s of idleness. It imports only Inngest (no Foundation), as an app that does
// not need Foundation would, so the figure is the framework's own.
//
//   swift run -c release inngest-idle
//   inngest-idle --cron "TZ=Europe/Paris 0 2 * * *"   boots a cron function instead, prints its
//                                                    next fire (or the boot error) and exits: the
//                                                    tests' app without Foundation
import FoundationEssentials
import Inngest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Tick: Event {
    static let name = "idle/tick"
    var n: Int
}

struct ThreeSteps: InngestFunction {
    static let id = "three-steps"
    static let trigger = Trigger.event(Tick.self)

    func handle(_ tick: Tick, context: Context) async throws -> Int {
        let a = try await context.step.run("a") { tick.n }
        let b = try await context.step.run("b") { a + 1 }
        return try await context.step.run("c") { b + 1 }
    }
}

struct Scheduled: InngestFunction {
    nonisolated(unsafe) static var expression = ""
    static let id = "scheduled"
    static var trigger: Trigger<ScheduledRun> { .cron(expression) }

    func handle(_ run: ScheduledRun, context: Context) async throws {}
}

struct IdleModule: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("IdleModule") }
}

/// `VmRSS`, `RssAnon` and `RssFile` of this process, in KiB.
func resident() -> (total: Int, anonymous: Int, files: Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0, 0) }
    var values: [Substring: Int] = [:]
    for line in text.split(separator: "\n") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if fields.count >= 2, let kib = Int(fields[1]) { values[fields[0]] = kib }
    }
    return (values["VmRSS:"] ?? 0, values["RssAnon:"] ?? 0, values["RssFile:"] ?? 0)
}

func mebibytes(_ kib: Int) -> String {
    let tenths = (kib * 10 + 512) / 1024
    return "\(tenths / 10).\(tenths % 10)"
}

func cpuMicroseconds() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + Int(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
}

let folder = FileManager.default.temporaryDirectory.appending(path: "inngest-idle-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: folder) }
if let index = CommandLine.arguments.firstIndex(of: "--cron"), index + 1 < CommandLine.arguments.count {
    Scheduled.expression = CommandLine.arguments[index + 1]
    let configuration = InngestConfiguration(
        appId: "cron",
        engine: EngineConfiguration(databasePath: folder.appending(path: "engine.sqlite").path,
                                    logger: InngestLogger(sink: InngestLogger.discard)))
    do {
        let app = try await InngestApp.boot(IdleModule.self, configuration: configuration,
                                            functions: [FunctionDefinition(handler: Scheduled())])
        let next = try await app.engine.cronSchedules().values.first
        print("next fire: \(next.map { $0.formatted(.iso8601) } ?? "none")")
        await app.shutdown()
    } catch {
        print("boot failed: \(error)")
        exit(1)
    }
    exit(0)
}
let before = resident()
let configuration = InngestConfiguration(
    appId: "idle",
    engine: EngineConfiguration(databasePath: folder.appending(path: "engine.sqlite").path,
                                logger: InngestLogger(sink: InngestLogger.discard)))
let app = try await InngestApp.boot(IdleModule.self, configuration: configuration,
                                    functions: [FunctionDefinition(handler: ThreeSteps())])
try await Task.sleep(for: .seconds(1))
let booted = resident()
let start = cpuMicroseconds()
try await Task.sleep(for: .seconds(10))
let used = cpuMicroseconds() - start
print("idle — an app of one function on a fresh store, idle after boot, importing only Inngest")
print("command: swift run -c release inngest-idle")
print("resident memory before boot: \(mebibytes(before.total)) MiB (\(mebibytes(before.anonymous)) private + \(mebibytes(before.files)) shared libraries)")
print("resident memory after boot, idle: \(mebibytes(booted.total)) MiB (\(mebibytes(booted.anonymous)) private + \(mebibytes(booted.files)) shared libraries)")
print("CPU time over 10 s idle (user + system): \(used / 1000).\(used / 100 % 10) ms")
await app.shutdown()
