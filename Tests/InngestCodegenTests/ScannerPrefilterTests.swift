import InngestCodegen
import Testing

/// The cheap prefilter only rules out files that cannot matter.
@Suite struct ScannerPrefilterTests: Sendable {
    @Test(arguments: [
        "// @inngest.function(id: \"x\")",
        "struct A: InngestFunction {}",
        "struct OrderPlaced: Event {}",
        "struct M: Module {}",
        "extension S: Injectable {}",
        "let e = SomeEventType()",
        "// @Inngest.function(id: \"x\")",
        "// @ingest.event(\"a/b\")",
    ])
    func fileWithARelevantWordMightDeclareSomething(source: String) {
        #expect(Scanner.mightDeclareAnything(source))
        #expect(Scanner.mightDeclareAnything(bytes: Array(source.utf8)))
    }

    @Test(arguments: ["", "struct A: Codable {}", "import Foundation\nfunc f() {}", "@inngest", "@MainActor func f() {}", "x.function(1)"])
    func fileWithoutRelevantWordsDeclaresNothing(source: String) {
        let expected = source == "@inngest"
        #expect(Scanner.mightDeclareAnything(source) == expected)
    }
}
