import Foundation
import Testing

/// An app that imports only Inngest (`inngest-idle`, built with the package) has no
/// FoundationInternationalization of its own, so no time zone database: its `TZ=` crons must
/// still resolve. This test process links Foundation, so only a child process can show it.
@Suite struct FoundationFreeAppTests {
    /// Boots the child with one cron function; its output line and exit status.
    static func boot(cron: String) throws -> (line: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("inngest-idle")
        process.arguments = ["--cron", cron]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (line, process.terminationStatus)
    }

    @Test(arguments: [
        ("TZ=Europe/Paris 0 2 * * *", ["T00:00:00Z", "T01:00:00Z"]),
        ("CRON_TZ=Asia/Kolkata 30 9 * * *", ["T04:00:00Z"]),
        ("TZ=UTC 15 4 * * *", ["T04:15:00Z"]),
        ("15 4 * * *", ["T04:15:00Z"]),
    ])
    func aNamedZoneResolvesWithoutFoundation(cron: String, times: [String]) throws {
        let (line, status) = try Self.boot(cron: cron)
        #expect(status == 0, "\(line)")
        #expect(line.hasPrefix("next fire: "), "\(line)")
        #expect(times.contains { line.hasSuffix($0) }, "\(line)")
    }

    @Test func anUnknownZoneStillFailsTheBootWithItsName() throws {
        let (line, status) = try Self.boot(cron: "TZ=Mars/Olympus 0 2 * * *")
        #expect(status == 1)
        #expect(line.contains("Unknown time zone 'Mars/Olympus'"), "\(line)")
    }
}
