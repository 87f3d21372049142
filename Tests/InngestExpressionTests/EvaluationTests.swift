import InngestExpression
import Testing

/// Evaluation with Inngest's semantics. Where a case comes from Inngest's own tests
/// (inngest/inngest:pkg/expressions/expressions_test.go), it says so.
struct EvaluationTests {
    static let event: TestValue = [
        "name": "shop/order.placed", "ts": 1_700_000_000_000, "id": "01H", "user": ["email": "a@example.com"],
        "data": [
            "orderId": "o-1", "count": 5, "ratio": 2.5, "whole": 5.0, "flag": true, "off": false, "nothing": nil, "empty": "",
            "name": "Ada Lovelace", "tags": ["a", "b", "c"], "nested": ["deep": ["x": 1]], "items": [["sku": "s-1"], ["sku": "s-2"]],
            "big": 9_007_199_254_740_993, "nan": .double(.nan), "accent": "e\u{301}", "zero": 0,
        ],
    ]

    func run(_ text: String, async: TestValue? = nil) -> String {
        var bindings: [String: TestValue] = ["event": Self.event]
        if let async { bindings["async"] = async }
        return evaluate(text, bindings)
    }

    @Test(arguments: [
        // Literals and access.
        ("1", "1"), ("1u", "1u"), ("1.5", "1.5d"), ("'s'", "\"s\""), ("null", "null"), ("[1, 'a']", "[1, \"a\"]"),
        ("event.name", "\"shop/order.placed\""), ("event.ts", "1700000000000"), ("event.user.email", "\"a@example.com\""),
        ("event.data.tags[1]", "\"b\""), ("event.data.items[1].sku", "\"s-2\""), ("event['data']['orderId']", "\"o-1\""),
        ("event.data.tags[1u]", "\"b\""), ("event.data.tags[1.0]", "\"b\""), ("[10, 20][1]", "20"),
        ("event.data.nested.deep.x", "1"),
        // Comparisons of equal types.
        ("event.data.orderId == 'o-1'", "true"), ("event.data.orderId != 'o-1'", "false"), ("'a' < 'b'", "true"),
        ("'b' <= 'a'", "false"), ("'abc' > 'abd'", "false"), ("'Z' < 'a'", "true"), ("'é' > 'z'", "true"),
        ("true > false", "true"), ("event.data.flag == true", "true"), ("null == null", "true"),
        ("event.data.count >= 5", "true"), ("event.data.count > 5", "false"), ("event.data.ratio < 3", "true"),
        ("[1, 2] == [1, 2]", "true"), ("[1, 2] == [2, 1]", "false"), ("event.data.tags == ['a', 'b', 'c']", "true"),
        ("event.data.nested == event.data.nested", "true"), ("event.data.items[0] == event.data.items[1]", "false"),
        // Numbers compare by value across kinds (cel-go's heterogeneous equality; Go decodes every JSON
        // number as a double, so Inngest relies on it).
        ("event.data.count == 5", "true"), ("event.data.count == 5.0", "true"), ("event.data.whole == 5", "true"),
        ("event.data.count == 5u", "true"), ("event.data.ratio == 2.5", "true"), ("event.data.ratio > 2", "true"),
        ("-1 < 0u", "true"), ("1u == 1.0", "true"), ("[1] == [1.0]", "true"),
        ("event.data.big == 9007199254740993", "true"), ("event.data.big == 9007199254740992.0", "false"),
        ("event.data.big > 9007199254740992.0", "true"),
        ("event.data.nan == event.data.nan", "false"), ("event.data.nan != 1", "true"),
        // Different types are unequal, not an error ("async.status == 200" with "200" is false).
        ("event.data.orderId == 1", "false"), ("event.data.orderId != 1", "true"), ("event.data.flag == 1", "false"),
        ("event.data.tags == 'a'", "false"), ("event.data.nothing == 0", "false"), ("event.data.nothing != ''", "true"),
        ("event.data.nothing == null", "true"), ("event.data.orderId == null", "false"),
        // Strings compare by bytes, as Go does: a decomposed é is not the composed one.
        ("event.data.accent == '\\u00e9'", "false"), ("event.data.accent == 'e\\u0301'", "true"),
        // Ordering across types is an error.
        ("event.data.orderId < 5", "error: cannot order a string against an integer"),
        ("event.data.flag < 1", "error: cannot order a bool against an integer"),
        ("event.data.tags < event.data.tags", "error: cannot order a list against a list"),
        ("event.data.nan < 1", "error: NaN cannot be ordered"), ("null < null", "error: cannot order null against null"),
        // Null against a number or a string orders as that type's zero ("null > 0" is false,
        // "event.data.float > null" true, "event.data.int < null" false, in Inngest's tests).
        ("null > 0", "false"), ("null >= 0", "true"), ("event.data.ratio > null", "true"), ("event.data.count < null", "false"),
        ("event.data.nothing < 1", "true"), ("event.data.nothing > -1", "true"), ("null < 'a'", "true"),
        ("null < true", "error: cannot order null against a bool"),
    ])
    func comparisons(text: String, expected: String) {
        #expect(run(text) == expected, "\(text)")
    }

    @Test(arguments: [
        // Missing data is an unknown that Inngest's decorator treats as null-like (unknown.go):
        // equal only to null; less than anything on the left, never greater.
        ("event.data.missing", "absent"), ("event.data.missing.deeper", "absent"), ("event.data.name.first", "absent"),
        ("event.data.nothing.field", "absent"), ("async.data.id", "absent"), ("event.data['missing']", "absent"),
        ("event.data.missing == 1", "false"), ("event.data.missing != 1", "true"),
        ("event.data.missing == null", "true"), ("event.data.missing != null", "false"),
        ("event.data.missing == event.data.other", "false"), ("event.data.missing != event.data.other", "true"),
        ("event.data.missing < 1", "true"), ("event.data.missing <= 1", "true"), ("1 < event.data.missing", "false"),
        ("event.data.missing > 1", "false"), ("event.data.missing >= 1", "false"), ("1 > event.data.missing", "true"),
        ("event.data.count > event.data.unknown", "true"),
        ("event.data.missing in ['a']", "false"), ("'a' in event.data.missing", "false"),
        ("event.data.missing in ['LOL', 'Issue'] == false", "true"),
        ("size(event.data.missing)", "0"), ("size(event.data.missing) == 0", "true"), ("event.data.missing.size() > 0", "false"),
        ("event.data.missing.startsWith('a')", "false"), ("event.data.name.contains(event.data.missing)", "false"),
        ("!event.data.missing", "false"), ("has(event.data.missing)", "false"), ("has(event.data.nothing)", "true"),
        ("has(event.data.missing.x)", "false"), ("has(event.data.name)", "true"),
        ("event.data.missing[0]", "absent"), ("event.data.tags[event.data.missing]", "absent"),
        ("[event.data.missing]", "absent"), ("[event.data.missing] == [null]", "false"),
        // The same for errors inside a comparison or a call: `event.data.items[5] == null` is true.
        ("event.data.tags[5]", "error: index 5 is out of range for a list of 3 elements"),
        ("event.data.tags[5] == null", "true"), ("event.data.tags[5] == 's'", "false"), ("event.data.tags[5] < 1", "true"),
        ("event.data.tags['x']", "error: a list index must be an integer, but this is a string"),
        ("event.data.tags[-1]", "error: index -1 is out of range for a list of 3 elements"),
        ("event.data.tags[0.5]", "error: index 0.5 is out of range for a list of 3 elements"),
        ("event.data.name[0]", "error: index access needs a list or an object, but this is a string"),
        ("!(event.data.orderId < 1)", "false"), ("size(event.data.tags[9])", "0"),
    ])
    func missingData(text: String, expected: String) {
        #expect(run(text) == expected, "\(text)")
    }

    @Test(arguments: [
        // && and || on bools, with CEL's commutative error absorption.
        ("event.data.flag && event.data.off", "false"), ("event.data.flag || event.data.off", "true"),
        ("event.data.off && event.data.orderId < 1", "false"),
        // Inngest's wrapper takes over once an operand is not a bool, and an error is falsy: so an
        // error first in && is the result (cel-go alone would absorb it into false).
        ("event.data.orderId < 1 && event.data.off", "error: cannot order a string against an integer"),
        ("event.data.flag || event.data.orderId < 1", "true"), ("event.data.orderId < 1 || event.data.flag", "true"),
        ("event.data.orderId < 1 && event.data.flag", "error: cannot order a string against an integer"),
        // Inngest's truthy coercion on other values (evalTruthyLogical): || gives the first truthy
        // operand or the last, && the first falsy or the last.
        ("event.data.orderId || event.data.name", "\"o-1\""), ("event.data.missing || event.data.name", "\"Ada Lovelace\""),
        ("event.data.empty || event.data.name", "\"Ada Lovelace\""), ("event.data.missing || event.data.other", "absent"),
        ("event.data.orderId && event.data.name", "\"Ada Lovelace\""), ("event.data.empty && event.data.name", "\"\""),
        ("event.data.missing && true", "absent"), ("event.data.zero || event.data.name", "\"Ada Lovelace\""),
        ("event.data.tags && event.data.name", "\"Ada Lovelace\""), ("event.data.orderId < 1 || false", "false"),
        // The ternary tests its condition for truthiness.
        ("event.data.flag ? 'y' : 'n'", "\"y\""), ("event.data.off ? 'y' : 'n'", "\"n\""),
        ("event.data.missing ? event.data.missing : event.data.orderId", "\"o-1\""),
        ("event.data.orderId ? 1 : 2", "1"), ("event.data.empty ? 1 : 2", "2"), ("event.data.nothing ? 1 : 2", "2"),
        ("event.data.count > 3 ? (event.data.count > 4 ? 'big' : 'mid') : 'small'", "\"big\""),
        // !.
        ("!event.data.flag", "false"), ("!event.data.off", "true"), ("!event.data.orderId", "error: '!' needs a bool, but this is a string"),
    ])
    func logic(text: String, expected: String) {
        #expect(run(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("'b' in event.data.tags", "true"), ("'z' in event.data.tags", "false"), ("5 in [1, 5.0]", "true"),
        ("event.data.count in [5]", "true"), ("'orderId' in event.data", "true"), ("'nope' in event.data", "false"),
        ("1 in event.data", "false"), ("'a' in event.data.orderId", "error: 'in' needs a list or an object on its right, but this is a string"),
        ("event.data.items[0] in event.data.items", "true"), ("[1] in [[1], [2]]", "true"),
        ("size(event.data.tags)", "3"), ("size(event.data.name)", "12"), ("size('😀é')", "2"), ("size(event.data)", "16"),
        ("size([1, 2])", "2"), ("event.data.tags.size() == 3", "true"), ("size(event.data.count)", "error: size() needs a string, a list or an object, but this is an integer"),
        ("size(event.data.nothing)", "error: size() needs a string, a list or an object, but this is null"),
        ("event.data.name.startsWith('Ada')", "true"), ("event.data.name.startsWith('ada')", "false"),
        ("event.data.name.endsWith('lace')", "true"), ("event.data.name.contains('Love')", "true"),
        ("event.data.name.contains('')", "true"), ("''.contains('a')", "false"), ("event.data.name.endsWith('Ada Lovelace!')", "false"),
        ("event.data.accent.startsWith('e')", "true"), ("'é'.contains('e')", "false"),
        ("event.data.count.startsWith('5')", "error: startsWith() works on strings, but this is an integer"),
        ("event.data.name.contains(event.data.count)", "error: contains() works on strings, but this is an integer"),
        ("has(event.data.name.x)", "error: has() needs an object, but this is a string"),
    ])
    func functions(text: String, expected: String) {
        #expect(run(text) == expected, "\(text)")
    }

    @Test(arguments: [
        // + joins strings and adds numbers; across types Inngest joins Go's %v texts (unknown.go).
        ("event.data.orderId + '-' + event.name", "\"o-1-shop/order.placed\""), ("1 + 2", "3"), ("1u + 2u", "3u"),
        ("1.5 + 1", "2.5d"), ("event.data.count + 1", "6"), ("[1] + [2]", "[1, 2]"), ("event.data.tags + ['d']", "[\"a\", \"b\", \"c\", \"d\"]"),
        ("'n-' + event.data.count", "\"n-5\""), ("'r-' + event.data.ratio", "\"r-2.5\""), ("'w-' + event.data.whole", "\"w-5\""),
        ("'f-' + event.data.flag", "\"f-true\""), ("'t-' + event.data.tags", "\"t-[a b c]\""),
        ("'o-' + event.data.nested", "\"o-map[deep:map[x:1]]\""), ("'n-' + null", "\"n-NULL_VALUE\""),
        ("'e-' + 1e6", "\"e-1e+06\""), ("'e-' + 123456.0", "\"e-123456\""), ("'e-' + 0.0001", "\"e-0.0001\""),
        ("'e-' + 0.00001", "\"e-1e-05\""), ("'e-' + 1234567.5", "\"e-1.2345675e+06\""), ("'e-' + -2.5", "\"e--2.5\""),
        ("true + false", "\"truefalse\""),
        // Missing operands fall away ("event.data.name + '-' + event.data.foo" is "Tester McTestyFace-").
        ("event.data.orderId + '-' + event.data.missing", "\"o-1-\""), ("event.data.missing + 'x'", "\"x\""),
        ("event.data.missing + event.data.other", "false"),
        ("9223372036854775807 + 1", "error: integer overflow: 9223372036854775807 + 1"),
        ("18446744073709551615u + 1u", "error: unsigned integer overflow: 18446744073709551615u + 1u"),
    ])
    func addition(text: String, expected: String) {
        #expect(run(text) == expected, "\(text)")
    }

    @Test func waitsCompareTwoEvents() throws {
        let expression = try Expression.parse("async.data.orderId == event.data.orderId && async.data.total > 100", variables: ["event", "async"])
        let incoming: TestValue = ["name": "shop/order.paid", "data": ["orderId": "o-1", "total": 150.5]]
        #expect(show(expression.evaluate(["event": Self.event, "async": incoming])) == "true")
        let other: TestValue = ["name": "shop/order.paid", "data": ["orderId": "o-2", "total": 150.5]]
        #expect(show(expression.evaluate(["event": Self.event, "async": other])) == "false")
        let cheap: TestValue = ["name": "shop/order.paid", "data": ["orderId": "o-1", "total": 99]]
        #expect(show(expression.evaluate(["event": Self.event, "async": cheap])) == "false")
        // No async bound: nothing matches.
        #expect(expression.evaluate(["event": Self.event]).condition.isMatched == false)
    }

    @Test func conditionsFollowInngest() throws {
        func condition(_ text: String) throws -> ExpressionCondition {
            try Expression.parse(text, variables: ["event"]).evaluate(["event": Self.event]).condition
        }
        #expect(try condition("event.data.flag").isMatched)
        #expect(try condition("event.data.flag").error == nil)
        #expect(try !condition("event.data.off").isMatched)
        // Missing data: not matched, and no error (Inngest's eval returns false for an unknown).
        #expect(try condition("event.data.missing").isMatched == false)
        #expect(try condition("event.data.missing").error == nil)
        // An error, or a value that is not a bool: not matched, with the reason.
        #expect(try condition("event.data.orderId < 1").error?.message == "cannot order a string against an integer")
        #expect(try condition("event.data.orderId").error?.message == "the expression returned a string, not a bool")
        #expect(try condition("event.data.orderId").isMatched == false)
    }

    @Test func evaluationIsRepeatableAndConcurrent() async throws {
        let expression = try Expression.parse("event.data.count == 5 && 'b' in event.data.tags", variables: ["event"])
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { expression.evaluate(["event": Self.event]).condition.isMatched } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
    }
}
