import InngestCodegen
import Testing

/// `#if` blocks become condition strings on the declarations inside them.
@Suite struct ScannerConditionTests: Sendable {
    @Test(arguments: [
        ("#if DEBUG\nstruct A {}\n#endif", ["DEBUG"]),
        ("#if X\n#else\nstruct A {}\n#endif", ["!(X)"]),
        ("#if X\n#elseif Y\nstruct A {}\n#endif", ["!(X) && (Y)"]),
        ("#if X\n#elseif Y\n#else\nstruct A {}\n#endif", ["!(X) && !(Y)"]),
        ("#if X\n#elseif Y\n#elseif Z\nstruct A {}\n#endif", ["!(X) && !(Y) && (Z)"]),
        ("#if X\n#if Y\nstruct A {}\n#endif\n#endif", ["X", "Y"]),
        ("#if X\n#endif\nstruct A {}", []),
        ("#if os(Linux) && !DEBUG\nstruct A {}\n#endif", ["os(Linux) && !DEBUG"]),
        ("#if compiler(>=5.9) || canImport(Foo.Bar)\nstruct A {}\n#endif", ["compiler(>=5.9) || canImport(Foo.Bar)"]),
        ("#if   X   // comment\nstruct A {}\n#endif", ["X"]),
        ("#if !DEBUG\nstruct A {}\n#endif", ["!DEBUG"]),
        ("#if !DEBUG\n#else\nstruct A {}\n#endif", ["!(!DEBUG)"]),
        ("#if X /* block */ && Y\nstruct A {}\n#endif", ["X && Y"]),
    ])
    func typeRecordsEnclosingConditions(source: String, conditions: [String]) {
        #expect(ScanFixtures.onlyType(source)?.conditions == conditions)
    }

    @Test func membersRecordAllEnclosingConditions() {
        let file = ScanFixtures.scan("""
        #if os(Linux)
        struct A {
            #if DEBUG
            func debugOnly() {}
            #else
            let releaseOnly = 1
            #endif
            func always() {}
        }
        #endif
        """)
        let type = file.types.first
        #expect(type?.conditions == ["os(Linux)"])
        #expect(type?.methods.map(\.conditions) == [["os(Linux)", "DEBUG"], ["os(Linux)"]])
        #expect(type?.properties.first?.conditions == ["os(Linux)", "!(DEBUG)"])
    }

    @Test func conditionsInsideBodiesDoNotLeak() {
        let file = ScanFixtures.scan("""
        struct A {
            func f() {
                #if DEBUG
                print(1)
                #endif
            }
            func g() {}
        }
        """)
        #expect(file.types.first?.methods.map(\.conditions) == [[], []])
    }

    @Test func unclosedIfIsReported() {
        let file = ScanFixtures.scan("#if DEBUG\nstruct A {}\n")
        #expect(file.types.first?.conditions == ["DEBUG"])
        #expect(file.diagnostics.map(\.description) == ["Test.swift:1:1: error: expected #endif to close this #if before the end of the file"])
    }

    @Test func strayEndifIsIgnored() {
        let file = ScanFixtures.scan("#endif\n#else\nstruct A {}")
        #expect(file.types.first?.conditions == [])
        #expect(file.diagnostics.isEmpty)
    }

    @Test func otherDirectivesAreSkipped() {
        let file = ScanFixtures.scan("""
        #warning("todo")
        #sourceLocation(file: "x.swift", line: 10)
        #sourceLocation()
        #Preview { Text("x") }
        struct A {}
        """)
        #expect(file.types.map(\.name) == ["A"])
        #expect(file.types.first?.conditions == [])
    }
}
