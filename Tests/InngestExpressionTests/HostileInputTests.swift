import InngestExpression
import Testing

/// Input meant to break the parser ends with an error, never with a crash or a hang.
struct HostileInputTests {
    @Test func tenThousandNestedParentheses() throws {
        let text = String(repeating: "(", count: 10_000) + "event.a" + String(repeating: ")", count: 10_000)
        let error = try #require(parseError(text))
        #expect(error.message == "the expression is nested more than 100 levels deep; simplify it")
        #expect(error.column == Expression.maximumDepth + 1)
        // Within the limit, parentheses cost nothing.
        let fine = String(repeating: "(", count: 90) + "event.a" + String(repeating: ")", count: 90)
        #expect(canonical(fine) == "event.a")
    }

    @Test func deepTreesWithoutParentheses() throws {
        // Chains the parser reads in a loop still build deep trees: refused at the cap.
        let member = "event" + String(repeating: ".a", count: 5_000)
        #expect(parseError(member)?.message.contains("nested more than 100 levels") == true)
        let equalities = "event.a" + String(repeating: " == event.a", count: 5_000)
        #expect(parseError(equalities)?.message.contains("nested more than 100 levels") == true)
        let sums = "event.a" + String(repeating: " + event.a", count: 5_000)
        #expect(parseError(sums)?.message.contains("nested more than 100 levels") == true)
        let indices = "event" + String(repeating: "[0]", count: 5_000)
        #expect(parseError(indices)?.message.contains("nested more than 100 levels") == true)
        let lists = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        #expect(parseError(lists)?.message.contains("nested more than 100 levels") == true)
        let calls = "event.a" + String(repeating: ".contains('x') == event.a", count: 3_000)
        #expect(parseError(calls)?.message.contains("nested more than 100 levels") == true)
        let ternaries = String(repeating: "event.a ? 1 : ", count: 5_000) + "2"
        #expect(parseError(ternaries)?.message.contains("nested more than 100 levels") == true)
        // Negations pair up and cancel, as in cel-go; an odd run leaves one.
        #expect(canonical(String(repeating: "!", count: 10_001) + "event.a") == "!event.a")
        #expect(canonical(String(repeating: "-", count: 10_000) + "1") == "1")
    }

    @Test func longFlatChainsAreFine() throws {
        // && and || are flattened, so a long chain is one level, and evaluates without recursion.
        let text = (0..<2_000).map { "event.data.v\($0) == null" }.joined(separator: " && ")
        let expression = try Expression.parse(text, variables: ["event"])
        let value: TestValue = ["data": [:]]
        #expect(show(expression.evaluate(["event": value])) == "true")
        let list = "event.data.v in [" + (0..<10_000).map(String.init).joined(separator: ", ") + "]"
        let membership = try Expression.parse(list, variables: ["event"])
        #expect(show(membership.evaluate(["event": ["data": ["v": 9_999]]])) == "true")
    }

    @Test func oneMegabyte() throws {
        let text = "event.data.a == '" + String(repeating: "x", count: 1 << 20) + "'"
        let error = try #require(parseError(text))
        #expect(error.message == "the expression is longer than 100000 characters")
        #expect(error.utf8Offset == 0)
        // Just within the limit, in multi-byte characters (counted as code points, like cel-go).
        let long = "'" + String(repeating: "é", count: Expression.maximumLength - 2) + "'"
        #expect(parseError(long) == nil)
        let over = "'" + String(repeating: "é", count: Expression.maximumLength - 1) + "'"
        #expect(parseError(over)?.message == "the expression is longer than 100000 characters")
    }

    @Test func nulBytes() throws {
        #expect(parseError("\u{0}")?.message == "unexpected character U+0000 in an expression")
        #expect(parseError("event.a == 1\u{0}")?.column == 13)
        // Inside a string a NUL is a character like any other.
        let expression = try Expression.parse("event.a == 'a\u{0}b'", variables: ["event"])
        #expect(show(expression.evaluate(["event": ["a": "a\u{0}b"]])) == "true")
        #expect(show(expression.evaluate(["event": ["a": "a"]])) == "false")
    }

    @Test func otherControlAndInvisibleCharacters() throws {
        #expect(parseError("event.a\u{7}")?.message == "unexpected character U+0007 in an expression")
        #expect(parseError("event.a\u{200B} == 1")?.message == "unexpected character U+200B in an expression")
        #expect(parseError("event.a\u{00A0}== 1")?.message == "unexpected character '\u{00A0}' in an expression")
        #expect(parseError("event.a == 1 \u{FEFF}")?.message == "unexpected character U+FEFF in an expression")
    }

    @Test func unterminatedEverything() throws {
        for text in ["'", "\"", "'''", "\"\"\"", "r'", "'''a''", "(", "[", "event.a[", "size(", "event.a.contains(", "event.a ?", "event.a ? 1 :",
                     "!", "-", "event.", "event.a ==", "has(", "\"\\"] {
            #expect(parseError(text) != nil, "\(text)")
        }
    }

    @Test func manyTokens() throws {
        // 30,000 tokens of a flat list parse quickly and allocate linearly.
        let text = "[" + String(repeating: "1,", count: 30_000) + "]"
        let clock = ContinuousClock()
        let start = clock.now
        let expression = try Expression.parse(text, variables: [])
        #expect(clock.now - start < .seconds(5))
        if case .list(let items) = expression.evaluate([String: TestValue]()) { #expect(items.count == 30_000) } else { Issue.record("not a list") }
    }
}
