import InngestCore
import InngestExpression
import Testing

/// Expressions evaluated against events' JSON, as the engine will.
struct ExpressionJSONTests {
    func json(_ text: String) throws -> JSONValue { try JSONValue(json: Array(text.utf8)) }

    @Test func triggerFilters() throws {
        let event = try json(#"{"name":"shop/order.placed","ts":1700000000000,"data":{"plan":"enterprise","amount":1500,"rate":0.5,"tags":["vip"]},"user":{"id":"u-1"}}"#)
        let matching = [
            "event.data.plan == 'enterprise' && event.data.amount > 1000", "event.data.amount == 1500.0", "event.data.rate < 1",
            "'vip' in event.data.tags", "event.name.startsWith('shop/')", "event.ts > 0", "event.user.id == 'u-1'",
            "event.data.missing == null", "size(event.data.tags) == 1",
        ]
        for text in matching {
            #expect(try Expression.parse(text, variables: ["event"]).matches(["event": event]), "\(text)")
        }
        let failing = ["event.data.plan != 'enterprise'", "event.data.missing == 1", "event.data.plan < 1", "event.data.plan"]
        for text in failing {
            #expect(try !Expression.parse(text, variables: ["event"]).matches(["event": event]), "\(text)")
        }
        let condition = try Expression.parse("event.data.plan < 1", variables: ["event"]).condition(["event": event])
        #expect(condition.error?.message == "cannot order a string against an integer")
    }

    @Test func waitsWithTheMatchShorthand() throws {
        let placed = try json(#"{"name":"order/placed","data":{"orderId":"o-1","items":[{"sku":"s-1"}]}}"#)
        let approved = try json(#"{"name":"order/approved","data":{"orderId":"o-1","items":[{"sku":"s-1"}]}}"#)
        let other = try json(#"{"name":"order/approved","data":{"orderId":"o-2"}}"#)
        let match = Expression.matching([.field("orderId")])
        #expect(match.matches(["event": placed, "async": approved]))
        #expect(!match.matches(["event": placed, "async": other]))
        let deep = try Expression.matching(dataPath: "items.0.sku")
        #expect(deep.matches(["event": placed, "async": approved]))
        // Missing on both sides is not a match: Inngest answers false for unknown == unknown.
        #expect(!deep.matches(["event": other, "async": other]))
    }

    @Test func integersAndDoublesFromJSONCompareByValue() throws {
        let event = try json(#"{"data":{"int":5,"double":5.0,"big":9007199254740993}}"#)
        for text in ["event.data.int == 5", "event.data.int == 5.0", "event.data.double == 5", "event.data.int == event.data.double",
                     "event.data.big == 9007199254740993", "event.data.big > 9007199254740992"] {
            #expect(try Expression.parse(text, variables: ["event"]).matches(["event": event]), "\(text)")
        }
    }

    @Test func keys() throws {
        let event = try json(#"{"data":{"userId":"u-1","region":"eu","n":3,"items":[1,2]}}"#)
        func key(_ text: String) throws -> JSONValue? { try Expression.parse(text, variables: ["event"]).value(["event": event]) }
        #expect(try key("event.data.userId") == .string("u-1"))
        #expect(try key("event.data.userId + '-' + event.data.region") == .string("u-1-eu"))
        #expect(try key("event.data.missing || event.data.userId") == .string("u-1"))
        #expect(try key("event.data.n > 2 ? 120 : 0") == .integer(120))
        #expect(try key("event.data.items") == .array([.integer(1), .integer(2)]))
        #expect(try key("[event.data.n, 4u]") == .array([.integer(3), .integer(4)]))
        #expect(try key("event.data.missing") == nil)
        #expect(throws: ExpressionEvaluationError.self) { try key("event.data.userId < 1") }
    }
}
