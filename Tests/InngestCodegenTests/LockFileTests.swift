import Foundation
import Testing

@testable import InngestCodegen

/// `inngest.lock`: written sorted with a header, read back exactly; malformed, truncated,
/// NUL-bearing, non-UTF-8 and huge files are warnings at `inngest.lock:line:col`, never a crash or
/// an error; gone function and step ids are warnings that say what happens and how to accept it.
@Suite struct LockFileTests {
    static let source = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String }
        // @inngest.module()
        struct M {}
        // @inngest.function(id: "process-order", event: "shop/order.placed")
        struct ProcessOrder {
            func handle(_ o: OrderPlaced, context: Context) async throws {
                try await context.step.run("charge") { 1 }
                try await context.step.sleep("settle", for: .seconds(5))
                try await context.step.run("charge-\\(o.orderId)") { 2 }
            }
        }
        // @inngest.injectable
        final class Jobs: Sendable {
            init() {}
            // @inngest.function(id: "nightly", cron: "0 2 * * *")
            func nightly(context: Context) async throws { try await context.step.run("sweep") { 3 } }
        }

        """

    static func model(_ source: String = source) -> AppModel {
        Inspection.model([("A.swift", Array(source.utf8))]).model
    }

    static func read(_ text: String) -> (LockFile, [String]) {
        let (file, diagnostics) = LockFileReader.read(Array(text.utf8), path: "inngest.lock")
        return (file, diagnostics.map(\.description))
    }

    /// The diagnostics of a generation of `source` against `lock`, as target App.
    static func lines(_ source: String = source, lock: String) -> [String] {
        var options = GeneratorOptions()
        options.lockFile = GeneratorOptions.LockFileInput(path: "inngest.lock", bytes: Array(lock.utf8), targetName: "App")
        return Generator.generate([("A.swift", Array(source.utf8))], options: options).diagnostics.map(\.description)
    }

    static let written = LockFile(sections: ["App": LockFile.functions(of: model())]).rendered()

    @Test func theLockIsSortedHumanTextWithAHeader() {
        #expect(Self.written == LockFile.header + """


            [App]
            function "nightly" Jobs.nightly
                step "sweep"
            function "process-order" ProcessOrder
                step "charge"
                step "settle"

            """)
    }

    @Test func whatIsWrittenReadsBackAndMatches() {
        let (file, problems) = Self.read(Self.written)
        #expect(problems.isEmpty)
        #expect(file.sections["App"]?.map(\.id) == ["nightly", "process-order"])
        #expect(file.sections["App"]?.last?.steps.map(\.id) == ["charge", "settle"])
        #expect(file.sections["App"]?.last?.location == SourceLocation(file: "inngest.lock", line: 10, column: 1))
        #expect(Self.lines(lock: Self.written).isEmpty, "an unchanged target matches its lock")
    }

    @Test func idsWithQuotesEscapesAndUnicodeRoundTrip() {
        let function = LockFile.Function(id: "a \"b\" \\ c\td\u{1}é", declaration: "T", steps: [.init(id: "ß\n")])
        let text = LockFile(sections: ["X": [function]]).rendered()
        let (file, problems) = Self.read(text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(file.sections["X"]?.first?.id == function.id)
        #expect(file.sections["X"]?.first?.steps.first?.id == "ß\n")
    }

    @Test func malformedLinesAreWarningsAtTheirColumnAndTheRestIsRead() {
        let (file, problems) = Self.read("""
            # a comment
            step "orphan"
            function "outside" T
            [App
            [ ]
            [App] trailing
            [App]
              function "ok" T
                step "s1"
                step s2
                step "s3" extra
              function "bad\\q" T
              function "" T
              function "open T
              funcion "typo" T
              function "two" T U
            	 step "tabbed"
            [App]
            function "again" T
            """)
        #expect(problems == [
            #"inngest.lock:2:1: warning: this step is not under a function; put it under the `function "id"` line of its function"#,
            "inngest.lock:3:1: warning: this function is outside a section; put it under the `[Target]` line of its target",
            "inngest.lock:4:1: warning: expected ']' to close this section name",
            "inngest.lock:5:2: warning: expected a target name between '[' and ']'",
            "inngest.lock:6:7: warning: expected nothing after the section name's ']'",
            #"inngest.lock:10:10: warning: expected a space and a quoted id after 'step', as in `step "charge"`"#,
            "inngest.lock:11:15: warning: expected the end of the line after the step id",
            #"inngest.lock:12:16: warning: invalid escape in the id (expected \\, \", \n, \r, \t, \0 or \u{…})"#,
            "inngest.lock:13:12: warning: expected a non-empty id between the quotes",
            #"inngest.lock:14:12: warning: expected '"' to close the id that starts here"#,
            #"inngest.lock:15:3: warning: expected `function "id" Declaration`, `step "id"`, a `[Target]` line, a `#` comment or a blank line, found 'funcion "typo" T'"#,
            "inngest.lock:16:20: warning: expected the end of the line after the function's declaration (`function \"id\" Declaration`)",
            "inngest.lock:18:1: warning: section [App] is already at line 7; its entries are read as one section",
        ])
        #expect(file.sections["App"]?.map(\.id) == ["ok", "again"])
        #expect(file.sections["App"]?.first?.steps.map(\.id) == ["s1", "tabbed"])
    }

    @Test func truncatedNulAndNonUTF8InputIsWarnedAboutLineByLine() {
        var bytes = Array(Self.written.utf8)
        bytes.removeLast(5)  // cut inside the last step id, without its line break
        let (truncated, truncatedProblems) = LockFileReader.read(bytes, path: "inngest.lock")
        #expect(truncatedProblems.map(\.description) == [#"inngest.lock:12:10: warning: expected '"' to close the id that starts here"#])
        #expect(truncated.sections["App"]?.last?.steps.map(\.id) == ["charge"])

        let nul = Array("[App]\nfunction \"a\u{0}b\" T\nfunction \"c\" T\n".utf8)
        let (withNul, nulProblems) = LockFileReader.read(nul, path: "inngest.lock")
        #expect(nulProblems.map(\.description) == [
            "inngest.lock:2:12: warning: this line of the lock file contains a NUL byte, so it is ignored; write the file again with "
                + "`swift package --allow-writing-to-package-directory inngest lock`",
        ])
        #expect(withNul.sections["App"]?.map(\.id) == ["c"])

        let invalid: [UInt8] = Array("[App]\nfunction \"é".utf8) + [0xFF, 0xFE] + Array("\" T\r\nfunction \"d\" T".utf8)
        let (withInvalid, invalidProblems) = LockFileReader.read(invalid, path: "inngest.lock")
        #expect(invalidProblems.map(\.description).first?.hasPrefix("inngest.lock:2:12: warning: this line of the lock file is not valid UTF-8") == true)
        #expect(withInvalid.sections["App"]?.map(\.id) == ["d"])
    }

    @Test func hugeAndRandomInputNeverTraps() {
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: LockFileReader.maximumSize + 1)
        let (ignored, hugeProblems) = LockFileReader.read(huge, path: "/p/inngest.lock")
        #expect(ignored.sections.isEmpty)
        #expect(hugeProblems.map(\.description) == [
            "/p/inngest.lock:1:1: warning: inngest.lock is larger than the 8 MiB the build reads, so it is ignored; write it again "
                + "with `swift package --allow-writing-to-package-directory inngest lock`",
        ])
        let longLine = Array(("[App]\nfunction \"" + String(repeating: "a", count: 1 << 20) + "\" T\n").utf8)
        #expect(LockFileReader.read(longLine, path: "inngest.lock").0.sections["App"]?.first?.id.count == 1 << 20)
        var random = ScanFixtures.PRNG(seed: 9)
        let alphabet = Array("[]\"\\ \tfunctionstep#\n\r\u{0}u{}é".utf8) + [0xFF, 0xC3]
        for _ in 0..<300 {
            let bytes = (0..<Int(random.next() % 200)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let (_, problems) = LockFileReader.read(bytes, path: "inngest.lock")
            #expect(problems.allSatisfy { $0.severity == .warning })
        }
    }

    @Test func aGoneFunctionIsAWarningAtItsLockLine() {
        let lock = Self.written.replacingOccurrences(of: "function \"nightly\" Jobs.nightly", with: "function \"nightly\" Jobs.nightly\nfunction \"retired\" OldJob")
        #expect(Self.lines(lock: lock) == [
            #"inngest.lock:9:1: warning: function "retired" (OldJob) is in inngest.lock but target App no longer declares it: "#
                + LockCheck.functionConsequences + "; " + LockCheck.accept,
        ])
    }

    @Test func aRenamedFunctionIsAWarningAtItsNewId() {
        let renamed = Self.source.replacingOccurrences(of: "id: \"process-order\"", with: "id: \"process-order-v2\"")
        #expect(Self.lines(renamed, lock: Self.written) == [
            #"A.swift:5:26: warning: the id of function ProcessOrder is "process-order-v2", but inngest.lock (line 10) has "process-order": "#
                + LockCheck.functionConsequences + "; " + LockCheck.accept,
        ])
    }

    @Test func aGoneStepIsAWarningAtItsFunctionAndAdditionsAreSilent() {
        let changed = Self.source.replacingOccurrences(of: "run(\"charge\")", with: "run(\"charge-card\")")
            .replacingOccurrences(of: "run(\"sweep\")", with: "run(\"sweep\") { 0 }; try await context.step.run(\"new\")")
        #expect(Self.lines(changed, lock: Self.written) == [
            #"A.swift:6:8: warning: step "charge" of function "process-order" is in inngest.lock (line 11) but no longer in the function's code "#
                + "(a step whose id is computed may still produce it, but the build cannot tell): if you renamed it, a run in flight that "
                + "already completed it runs it again under the new id when it resumes, since its memoized result is keyed by the old id "
                + "(in this engine and on an Inngest server alike), and a run sleeping or waiting in it sleeps or waits again; if you "
                + "removed it, its recorded results are ignored; " + LockCheck.accept,
        ])
    }

    @Test func aTargetWithoutASectionAndAMalformedLockNeverFailTheBuild() {
        #expect(Self.lines(lock: "[Other]\nfunction \"x\" X\n").isEmpty)
        let output = Self.lines(lock: "\u{0}garbage\n[App]\nfunction \"process-order\n")
        #expect(output.count == 2 && output.allSatisfy { $0.contains(": warning: ") }, "\(output)")
    }
}
