@testable import InngestDashboard
import Testing

/// The dashboard's request parser: whole requests, requests still arriving, and every kind of bad
/// input refused with the status that says why.
@Suite struct HTTPRequestParserTests {
    private func parse(_ text: String, parser: HTTPRequestParser = HTTPRequestParser()) -> HTTPRequestParser.Outcome {
        parser.parse(Array(text.utf8))
    }

    private func refusal(_ outcome: HTTPRequestParser.Outcome) -> Int? {
        if case .refused(let status, _) = outcome { return status }
        return nil
    }

    @Test func aGetWithAQuery() throws {
        guard case .complete(let request) = parse("GET /runs?status=failed&event=shop%2Forder.placed&x=a+b HTTP/1.1\r\nHost: localhost:8290\r\nX-A:  v  \r\n\r\n") else {
            Issue.record("not complete"); return
        }
        #expect(request.method == "GET")
        #expect(request.path == "/runs")
        #expect(request.query == ["status": "failed", "event": "shop/order.placed", "x": "a b"])
        #expect(request.headers["host"] == "localhost:8290")
        #expect(request.headers["x-a"] == "v")
    }

    @Test func aPostWaitsForItsWholeBody() throws {
        let body = "name=a%2Fb&data=%7B%7D"
        let head = "POST /send HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        guard case .incomplete = parse(head + body.dropLast()) else { Issue.record("complete too early"); return }
        guard case .complete(let request) = parse(head + body) else { Issue.record("not complete"); return }
        #expect(request.form == ["name": "a/b", "data": "{}"])
    }

    @Test func aRequestStillArrivingIsIncomplete() {
        for text in ["", "GET", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r"] {
            guard case .incomplete = parse(text) else { Issue.record("\(text.debugDescription) is not incomplete"); continue }
        }
    }

    @Test func malformedRequestsAreRefused() {
        let cases: [(String, Int)] = [
            ("GARBAGE\r\n\r\n", 400),
            ("GET / HTTP/1.1 extra\r\n\r\n", 400),
            ("GET http://elsewhere/ HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\n\r\n", 505),
            ("DELETE / HTTP/1.1\r\n\r\n", 405),
            ("GET /%zz HTTP/1.1\r\n\r\n", 400),
            ("GET /%00 HTTP/1.1\r\n\r\n", 400),
            ("GET /%ff HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n folded: yes\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nno colon\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nA: x\u{0}y\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nA: x\ry\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
            ("POST / HTTP/1.1\r\nContent-Length: 70000\r\n\r\n", 413),
        ]
        for (text, status) in cases {
            #expect(refusal(parse(text)) == status, "\(text.debugDescription)")
        }
    }

    @Test func oversizedHeadsAreRefusedBeforeTheyEnd() {
        var parser = HTTPRequestParser()
        parser.maximumHeadBytes = 1024
        #expect(refusal(parse("GET / HTTP/1.1\r\nA: " + String(repeating: "x", count: 2000), parser: parser)) == 431)
        #expect(refusal(parse("GET /" + String(repeating: "a", count: 2000) + " HTTP/1.1\r\n\r\n", parser: parser)) == 431)
    }

    @Test func formDecodingKeepsTheFirstOfARepeatedFieldAndDropsBadOnes() {
        #expect(FormDecoding.fields(Array("a=1&a=2&b=%&c=%41%42&=x&d&e=%00".utf8)[...]) == ["a": "1", "c": "AB", "d": ""])
        #expect(FormDecoding.decode(Array("caf%C3%A9".utf8)[...], plusIsSpace: false) == "café")
        #expect(FormDecoding.decode(Array("%C3".utf8)[...], plusIsSpace: false) == nil)
    }
}
