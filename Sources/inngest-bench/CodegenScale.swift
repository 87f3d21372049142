import Foundation
import InngestCodegen

/// Issue 9's code-generation workload: a 1,000-file target of about 6 MB with 300 handlers,
/// 100 events and 300 providers, the rest ordinary Swift (floor: 60 ms for full generation).
/// Also how the time grows with the target: 250, 500 and 1,000 files of the same mix; and with
/// what is marked: files that each declare an event, an injectable and a function.
func codegenScenario(repetitions: Int) {
    print("\ncodegen — full generation of a target (median of \(repetitions); floor: 1,000 files ≈ 6 MB ≤ 60 ms)")
    print("command: swift run -c release inngest-bench codegen")
    print("per phase, wall / CPU of all threads in ms (medians): " + Generator.Phase.allCases.map { "\($0)" }.joined(separator: ", "))
    let targets = [250, 500, 1_000].map { ("\($0) files", codegenTarget(files: $0)) }
        + [125, 250, 500].map { ("\($0) files, all marked", markedTarget(files: $0)) }
    for (name, sources) in targets {
        let bytes = sources.reduce(0) { $0 + $1.bytes.count }
        var times: [Double] = []
        var phaseTimes = [(wall: [Double], cpu: [Double])](repeating: ([], []), count: Generator.Phase.allCases.count)
        var diagnostics = 0
        var teardown: [Double] = []
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            var phaseStart = (wall: start, cpu: processCPUTime())
            let end = generateOnce(sources) { phase in
                let now = (wall: ContinuousClock.now, cpu: processCPUTime())
                let index = Generator.Phase.allCases.firstIndex(of: phase) ?? 0
                phaseTimes[index].wall.append(seconds(now.wall - phaseStart.wall) * 1000)
                phaseTimes[index].cpu.append((now.cpu - phaseStart.cpu) * 1000)
                phaseStart = now
            } finished: { output in
                diagnostics = output.diagnostics.count
            }
            times.append(seconds(end - start) * 1000)
            teardown.append(seconds(ContinuousClock.now - end) * 1000)
        }
        let time = median(times)
        let phases = phaseTimes.map { String(format: "%.1f/%.1f", median($0.wall), median($0.cpu)) }.joined(separator: ", ")
        report("codegen: \(name), \(bytes / 1_000_000).\(bytes / 100_000 % 10) MB",
               String(format: "%.0f ms (%.0f MB/s)%@; phases %@; freeing afterwards %.1f", time, Double(bytes) / time / 1e3,
                      diagnostics == 0 ? "" : " [\(diagnostics) diagnostics]", phases, median(teardown)))
    }
    toolScenario(sources: codegenTarget(files: 1_000), repetitions: repetitions)
}

/// The `inngest-codegen` executable built beside this one, run as the plugin runs it on the
/// 1,000-file target written to disk: process start to exit, reading the files and writing the
/// output included.
private func toolScenario(sources: [(path: String, bytes: [UInt8])], repetitions: Int) {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("inngest-codegen")
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
        report("codegen: the tool, 1000 files, end to end", "not built (swift build -c release --product inngest-codegen, then rerun)")
        return
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inngest-codegen-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        var paths: [String] = []
        for source in sources {
            let url = directory.appendingPathComponent("Sources").appendingPathComponent(URL(fileURLWithPath: source.path).lastPathComponent)
            try Data(source.bytes).write(to: url)
            paths.append(url.path)
        }
        let list = directory.appendingPathComponent("inputs.txt")
        try (paths.joined(separator: "\n") + "\n").write(to: list, atomically: true, encoding: .utf8)
        var times: [Double] = []
        let arguments = [executable.path, "--output-dir", directory.appendingPathComponent("out").path, "@" + list.path]
        for _ in 0..<repetitions {
            // posix_spawn, not Foundation's Process, which adds about 50 ms to each run here.
            let start = ContinuousClock.now
            let status = spawnAndWait(arguments)
            times.append(seconds(ContinuousClock.now - start) * 1000)
            guard status == 0 else {
                report("codegen: the tool, 1000 files, end to end", "failed (status \(status))")
                return
            }
        }
        report("codegen: the tool, 1000 files, end to end", String(format: "%.0f ms (min %.0f, max %.0f; %@)", median(times),
               times.min() ?? 0, times.max() ?? 0, executable.path))
    } catch {
        report("codegen: the tool, 1000 files, end to end", "could not run: \(error)")
    }
}

/// Runs `arguments` (the executable's path first) with standard error to /dev/null and waits;
/// returns its exit status, or -1 when it could not start or did not exit normally.
private func spawnAndWait(_ arguments: [String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let pointers = arguments.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, nil, pointers, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
}

/// Generates `sources` once and returns when the output was there. What the generation scanned
/// and modelled is freed only after that instant, as the tool leaves it to its exit.
private func generateOnce(_ sources: [(path: String, bytes: [UInt8])], phaseEnded: (Generator.Phase) -> Void,
                          finished: (Generator.Output) -> Void) -> ContinuousClock.Instant {
    let (output, leftovers) = Generator.generate(sources, options: GeneratorOptions(), phaseEnded: phaseEnded)
    let end = ContinuousClock.now
    finished(output)
    withExtendedLifetime(leftovers) {}
    return end
}

/// The CPU time of every thread of the process so far, in seconds.
func processCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// `files` source files: the first 30 % declare a handler each (every third also an event), the next
/// 30 % a provider each, all padded with ordinary code to about 6 KB per file: a generic helper, a
/// plain struct with an initialiser and methods, an enum with an extension, each with its own name.
func codegenTarget(files: Int) -> [(path: String, bytes: [UInt8])] {
    func padding(_ name: String) -> String {
        """
        /// A helper that the scanner must skip: strings with "// @inngest.function" inside, closures, generics.
        struct Helper\(name)<Value: Sendable>: Sendable {
            let values: [Value]
            func mapped<Other>(_ transform: (Value) throws -> Other) rethrows -> [Other] { try values.map(transform) }
            var description: String { "Helper(\\(values.count)) /* not a comment */ // nor this" }
        }
        let table\(name): [String: Int] = ["a": 1, "b": 2, "c": 3].filter { $0.value > 1 }

        /// A record of ordinary code: stored and computed properties, an initialiser, methods.
        struct Record\(name): Codable, Hashable {
            var id: String
            var total: Int
            var tags: [String] = []
            init(id: String, total: Int) { self.id = id; self.total = total }
            var isLarge: Bool { total > 1_000 }
            func adding(_ amount: Int) -> Record\(name) { Record\(name)(id: id, total: total + amount) }
        }

        enum Mode\(name): String, CaseIterable { case fast, slow, off }
        extension Mode\(name): CustomStringConvertible { var description: String { rawValue.uppercased() } }

        """
    }
    var sources: [(path: String, bytes: [UInt8])] = [("Sources/App/App.swift", Array("""
        import Inngest
        // @inngest.module(providers: [ShopLog])
        struct AppModule {}
        // @inngest.injectable
        final class ShopLog: Sendable { init() {} }

        """.utf8))]
    let handlers = files * 3 / 10
    let providers = files * 3 / 10
    for index in 0..<files {
        var text = "import Inngest\n\n"
        if index < handlers {
            let event = index / 3
            if index % 3 == 0 {
                text += "// @inngest.event(\"bench/event-\(event)\")\nstruct Event\(event): Codable, Sendable { var id: String; var total: Int }\n\n"
            }
            text += """
                // @inngest.function(id: "function-\(index)", event: "bench/event-\(event)", retries: 3)
                struct Function\(index) {
                    let log: ShopLog
                    func handle(_ event: Event\(event), context: Context) async throws -> String {
                        try await context.step.run("work") { "\\(event.id) \\(event.total)" }
                    }
                }

                """
        } else if index < handlers + providers {
            text += """
                // @inngest.injectable
                final class Service\(index): Sendable {
                    init(log: ShopLog) {}
                    func work(_ text: String) -> String { text }
                }

                """
        }
        var part = 0
        while text.utf8.count < 6_000 {
            text += padding("\(index)_\(part)")
            part += 1
        }
        sources.append(("Sources/App/File\(index).swift", Array(text.utf8)))
    }
    return sources
}

/// `files` source files that each declare an event, an injectable and a function taking both,
/// padded with 60 comment lines and globals: 3 × `files` declarations for the model and the
/// generated files (about 2.4 KB of generated code per file).
func markedTarget(files: Int) -> [(path: String, bytes: [UInt8])] {
    let handler = """
        import Inngest

        /// An event.
        // @inngest.event("bench/event-N")
        struct EventN: Codable, Sendable { var id: String; var total: Int }

        // @inngest.injectable
        final class ServiceN: Sendable {
            init(log: ShopLog) {}
            func work(_ text: String) -> String { "value: \\(text) /* not a comment */ // nor this" }
        }

        // @inngest.function(id: "function-N", event: "bench/event-N", retries: 3)
        struct FunctionN {
            let service: ServiceN
            func handle(_ event: EventN, context: Context) async throws -> String {
                try await context.step.run("work") { service.work(event.id) }
            }
        }

        """
    var sources: [(path: String, bytes: [UInt8])] = [("Sources/App/App.swift", Array("""
        // @inngest.module()
        struct AppModule {}
        // @inngest.injectable
        final class ShopLog: Sendable { init() {} }

        """.utf8))]
    for index in 0..<files {
        let text = handler.replacingOccurrences(of: "N", with: String(index))
            + String(repeating: "// padding line of an ordinary source file\nlet constant\(index) = [1, 2, 3].map { $0 * 2 }\n", count: 60)
        sources.append(("Sources/App/File\(index).swift", Array(text.utf8)))
    }
    return sources
}
