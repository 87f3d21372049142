import InngestCodegen
import Testing

/// Type aliases are recorded, so that conformance can be resolved through them.
@Suite struct ScannerTypeAliasTests: Sendable {
    @Test(arguments: [
        ("typealias Handler = InngestFunction & Sendable", "Handler", "InngestFunction & Sendable"),
        ("public typealias Payload = Inngest.Event", "Payload", "Inngest.Event"),
        ("typealias Map = [String: Int]", "Map", "[String: Int]"),
        ("typealias Callback = (Int) -> Void", "Callback", "(Int) -> Void"),
        ("typealias Pair<T> = (T, T)", "Pair", "(T, T)"),
    ])
    func fileScopeAliasIsRecorded(source: String, name: String, aliased: String) {
        let file = ScanFixtures.scan(source + "\nstruct After {}")
        #expect(file.typeAliases.map(\.name) == [name])
        #expect(file.typeAliases.first?.aliased == aliased)
        #expect(file.types.map(\.name) == ["After"], "the declaration after the alias is still scanned")
    }

    @Test func nestedAliasIsQualified() {
        let file = ScanFixtures.scan("""
            enum Outer {
                typealias Handler = InngestFunction
                struct Inner {}
            }
            """)
        #expect(file.typeAliases.map(\.name) == ["Outer.Handler"])
        #expect(file.typeAliases.first?.parentName == "Outer")
        #expect(file.types.map(\.name) == ["Outer", "Outer.Inner"])
    }

    @Test func aliasRecordsItsConditions() {
        let file = ScanFixtures.scan("#if DEBUG\ntypealias A = Int\n#endif")
        #expect(file.typeAliases.first?.conditions == ["DEBUG"])
    }
}
