import InngestExpression
import Testing

/// Everything outside the subset is refused when parsing, with a message naming the construct and
/// the column where it is.
struct RefusalTests {
    @Test(arguments: [
        // Text, the column of the problem, a fragment of the message.
        ("event.data.a === 1", 14, "'===' is not CEL; use '=='"),
        ("event.data.a !== 1", 14, "'!==' is not CEL; use '!='"),
        ("event.data.a = 1", 14, "assignment '=' is not CEL"),
        ("event.data.a & event.data.b", 14, "'&' is not CEL; use '&&'"),
        ("event.data.a | event.data.b", 14, "'|' is not CEL; use '||'"),
        ("event.data.a and event.data.b", 14, "'and' is not CEL; use '&&'"),
        ("event.data.a or event.data.b", 14, "'or' is not CEL; use '||'"),
        ("event.data.tags.all(t, t != '')", 17, "macro 'all()' is not supported"),
        ("event.data.tags.exists(t, t == 'a')", 17, "macro 'exists()'"),
        ("event.data.tags.exists_one(t, t == 'a')", 17, "macro 'exists_one()'"),
        ("event.data.tags.map(t, t)", 17, "macro 'map()'"),
        ("event.data.tags.filter(t, t == 'a')", 17, "macro 'filter()'"),
        ("event.data.a - 1", 14, "arithmetic operator '-' is not supported"),
        ("event.data.a * 2 > 10", 14, "arithmetic operator '*'"),
        ("event.data.a / 2", 14, "arithmetic operator '/'"),
        ("event.data.a % 2 == 0", 14, "arithmetic operator '%'"),
        ("-event.data.a < 0", 1, "negation '-' is arithmetic"),
        ("-1u", 1, "an unsigned integer cannot be negative"),
        ("int(event.data.n) > 1", 1, "function 'int()' is not supported"),
        ("event.data.title.matches('^a')", 18, "function 'matches()' is not supported"),
        ("lowercase(event.data.name) == 'a'", 1, "function 'lowercase()' is not supported"),
        ("frobnicate(event)", 1, "unknown function 'frobnicate()'"),
        ("event.data.s.frob()", 14, "unknown function 'frob()'"),
        ("startsWith(event.data.s, 'a')", 1, "'startsWith()' is a method"),
        ("{'a': 1}", 1, "map literals ({…}) are not supported"),
        ("Msg{a: 1}", 4, "message construction"),
        (".event.data", 1, "a leading '.'"),
        ("event.?data", 6, "optional field selection '.?'"),
        ("event.data[?'a']", 11, "optional index"),
        ("event.data.`my-field`", 12, "backquoted field names are not supported"),
        ("b'bytes' == event.data.b", 1, "bytes literals (b\"…\") are not supported"),
        ("event.data.items.0", 18, "for an array element, use an index"),
        ("evnt.data.a == 1", 1, "unknown variable 'evnt'; expected one of 'async', 'event', 'vars'"),
        ("if == 1", 1, "'if' is a reserved word"),
        ("has(event)", 1, "'has()' takes one field selection"),
        ("has(event.data['a'])", 1, "'has()' takes one field selection"),
        ("size()", 1, "'size()' takes one argument"),
        ("event.data.s.startsWith()", 14, "'startsWith()' takes one argument"),
        ("event.data.s.size(1)", 14, "takes no arguments"),
        // cel-go's type check on literals, which Inngest runs when a function is synced.
        ("event.data.a && 'yes'", 17, "'&&' needs a bool, but this is a string"),
        ("1 || event.data.a", 1, "'||' needs a bool, but this is an integer"),
        ("!'a'", 2, "'!' needs a bool, but this is a string"),
        ("'a' ? 1 : 2", 1, "the condition of '?:' needs a bool"),
        ("size(5)", 6, "'size()' works on strings, lists and objects, but this is an integer"),
        ("true.size()", 1, "'size()' works on strings"),
        ("event.data.s.startsWith(1)", 25, "'startsWith()' works on strings, but this is an integer"),
        ("'a'.x", 1, "field selection '.x' needs an object, but this is a string"),
        ("1[0]", 1, "index access '[…]' needs an object"),
        ("'a' in 'abc'", 8, "'in' needs a list or an object on its right, but this is a string"),
        // Syntax.
        ("", 1, "the expression is empty"),
        ("   ", 1, "the expression is empty"),
        ("event.data.a ==", 16, "the expression ends where a value was expected"),
        ("(event.data.a == 1", 19, "expected ')' to close the '(' at column 1"),
        ("event.data.a == 1)", 18, "unbalanced ')'"),
        ("[1, 2", 6, "expected ',' or ']' in the list that starts at column 1"),
        ("event.data[0", 13, "expected ']' to close the index"),
        ("event.data.a ? 1", 17, "expected ':' in the ternary operator"),
        ("event.data. == 1", 13, "expected a field name after '.'"),
        ("event.data.true", 12, "expected a field name after '.'"),
        ("event.data.a 1", 14, "unexpected '1' after a complete expression"),
        ("event #", 7, "unexpected character '#'"),
        ("event\u{0}", 6, "unexpected character U+0000"),
        ("event.data.é", 12, "unexpected character 'é'"),
    ])
    func refused(text: String, column: Int, message: String) throws {
        let error = try #require(parseError(text), "\(text) was accepted")
        #expect(error.message.contains(message), "\(text): \(error.message)")
        #expect(error.column == column, "\(text): \(error)")
        #expect(error.line == 1)
    }

    @Test(arguments: [
        ("'unterminated", 1, "unterminated string literal"),
        ("'''open", 1, "unterminated string literal: add the closing '''"),
        ("'line\nbreak'", 1, "a quoted string cannot span lines"),
        ("'ends with \\", 12, "it ends with a backslash"),
        ("'\\q'", 2, "invalid escape '\\q'"),
        ("'\\x4'", 2, "invalid escape '\\x': it takes exactly 2 hexadecimal digits"),
        ("'\\u12'", 2, "invalid escape '\\u': it takes exactly 4"),
        ("'\\uD800'", 2, "invalid escape '\\uD800': a UTF-16 surrogate is not a character"),
        ("'\\uDE00'", 2, "a UTF-16 surrogate"),
        ("'\\uD83D\\uDE00'", 2, "a UTF-16 surrogate"),
        ("'\\U00110000'", 2, "beyond the last Unicode code point"),
        ("'\\400'", 2, "invalid escape '\\4'"),
        ("'\\08'", 2, "an octal escape is a backslash and exactly three octal digits"),
        ("9223372036854775808", 1, "integer literal '9223372036854775808' is out of range"),
        ("-9223372036854775809", 1, "is out of range (the smallest integer is -9223372036854775808)"),
        ("18446744073709551616u", 1, "out of range (the largest unsigned integer is 18446744073709551615u)"),
        ("99999999999999999999999999999", 1, "is out of range"),
        ("0x10000000000000000", 1, "is out of range"),
        ("1e400", 1, "out of the range of a double"),
        ("0x", 1, "hexadecimal literal '0x' has no digits"),
        ("1e", 2, "the exponent of a number literal has no digits"),
        ("1.5u", 4, "only integers take the unsigned suffix 'u'"),
        ("007", 1, "has a leading zero"),
        ("12abc", 3, "unexpected 'a' after number literal '12'"),
    ])
    func badLiterals(text: String, column: Int, message: String) throws {
        let error = try #require(parseError(text), "\(text) was accepted")
        #expect(error.message.contains(message), "\(text): \(error.message)")
        #expect(error.column == column, "\(text): \(error)")
    }

    @Test func restrictiveRulesRefuseWhatInngestRefusesForCancellations() throws {
        let variables: Set<String> = ["event", "async"]
        for text in ["async.data.id == event.data.id", "async.data.n > 1 ? true : false", "async.data.tag in ['a', 'b']",
                     "!(async.data.kind != 'x') || async.data.list[0] == null"] {
            #expect(parseError(text, variables: variables, rules: .restrictive) == nil, "\(text)")
        }
        let refused: [(String, String)] = [
            ("has(async.data.id)", "macro 'has()' is not allowed by the restrictive rules"),
            ("size(async.data.items) > 0", "'size()' is one"),
            ("async.data.items.size() > 0", "'size()' is one"),
            ("async.data.name.startsWith('a')", "'startsWith()' is one"),
            ("async.data.name.endsWith('a')", "'endsWith()' is one"),
            ("async.data.name.contains('a')", "'contains()' is one"),
            ("async.data.a + 'x' == 'yx'", "'+' is a function call"),
        ]
        for (text, message) in refused {
            let error = try #require(parseError(text, variables: variables, rules: .restrictive), "\(text) was accepted")
            #expect(error.message.contains(message), "\(text): \(error.message)")
        }
    }

    @Test func variablesAreLimitedToThoseAllowed() throws {
        let error = try #require(parseError("async.data.id == event.data.id", variables: ["event"]))
        #expect(error.message == "unknown variable 'async'; expected 'event'")
        #expect(error.column == 1)
        let none = try #require(parseError("event", variables: []))
        #expect(none.message.contains("no variable is available here"))
    }

    @Test func columnsCountCharactersAndBytesSeparately() throws {
        // "é" is two bytes, "👩‍👩‍👧" eighteen bytes and one character.
        let error = try #require(parseError("event.data.a == 'é👩‍👩‍👧' === 1"))
        #expect(error.message.contains("'==='"))
        #expect(error.column == 22)
        #expect(error.utf8Offset == 16 + 1 + 2 + 18 + 1 + 1)
        #expect(error.description == "1:22: '===' is not CEL; use '=='")
        // Inside a string, at the bad escape.
        let escape = try #require(parseError("event.data.a == 'déjà \\z vu'"))
        #expect(escape.column == 23)
        #expect(escape.utf8Offset == 24)
    }

    @Test func linesAndColumnsOfMultiLineExpressions() throws {
        let error = try #require(parseError("event.data.a == 1 &&\n  event.data.b ==== 2"))
        #expect(error.line == 2)
        #expect(error.column == 16)
        #expect(error.description.hasPrefix("2:16: "))
    }
}

/// What cel-go's grammar refuses, refused alike.
struct GrammarEdgeTests {
    @Test func aNestedTernaryInTheMiddleNeedsParentheses() throws {
        // cel-go: expr = conditionalOr ('?' conditionalOr ':' expr)?
        let error = try #require(parseError("event.a ? event.b ? 1 : 2 : 3"))
        #expect(error.message.contains("expected ':'"))
        #expect(parseError("event.a ? (event.b ? 1 : 2) : 3") == nil)
    }

    @Test func logicalOperatorsNeedBoolLiterals() throws {
        // cel-go's checker declares _&&_ and _||_ on bools; values read from data are dynamic.
        #expect(parseError("event.data.a || 'default'")?.message == "'||' needs a bool, but this is a string")
        #expect(parseError("event.data.a || event.data.b") == nil)
    }
}
