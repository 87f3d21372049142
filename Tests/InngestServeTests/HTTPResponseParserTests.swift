@testable import InngestServe
import Testing

@Suite struct HTTPResponseParserTests {
    private let parser = HTTPResponseParser(maximumHeadSize: 1024, maximumBodySize: 64)

    private func parse(_ text: String, ended: Bool = true) throws -> HTTPClient.Response? {
        try parser.response(in: Array(text.utf8), ended: ended)
    }

    private func failure(_ text: String, ended: Bool = true) -> String? {
        do {
            _ = try parser.response(in: Array(text.utf8), ended: ended)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aContentLengthBodyIsCompleteAtItsLength() throws {
        let response = try #require(try parse("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello", ended: false))
        #expect(response.status == 201)
        #expect(response.body == Array("hello".utf8))
        #expect(try parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", ended: false) == nil)
        #expect(failure("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel")?.contains("3 of its 5 body bytes") == true)
    }

    @Test func aChunkedBodyIsJoinedAndEndsAtTheLastChunk() throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n"
        let response = try #require(try parse(text, ended: false))
        #expect(response.body == Array("abc0123456789".utf8))
        #expect(try parse(String(text.dropLast(2)), ended: false) == nil)
        #expect(failure(String(text.dropLast(7)))?.contains("inside its chunked body") == true)
        let trailers = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nX-Trailer: 1\r\n\r\n"
        #expect(try parse(trailers, ended: false)?.body == [UInt8(ascii: "x")])
    }

    @Test func aBodyWithoutFramingEndsWithTheConnection() throws {
        #expect(try parse("HTTP/1.0 200 OK\r\n\r\nuntil the end", ended: false) == nil)
        #expect(try parse("HTTP/1.0 200 OK\r\n\r\nuntil the end")?.body == Array("until the end".utf8))
    }

    @Test func informationalResponsesAreSkipped() throws {
        let response = try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        #expect(response?.status == 200)
        #expect(response?.body == Array("ok".utf8))
    }

    @Test func noContentHasNoBody() throws {
        #expect(try parse("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n", ended: false)?.body == [])
    }

    @Test func malformedResponsesAreRefusedWithTheReason() {
        #expect(failure("")?.contains("without a response") == true)
        #expect(failure("SSH-2.0-OpenSSH\r\n\r\n")?.contains("status line") == true)
        #expect(failure("HTTP/1.1 2x0 OK\r\n\r\n")?.contains("three digits") == true)
        #expect(failure("HTTP/1.1 2000 OK\r\n\r\n")?.contains("three digits") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")?.contains("no name") == true)
        #expect(failure("HTTP/1.1 200 OK\r\n: empty name\r\n\r\n")?.contains("no name") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nX-A: a\0b\r\n\r\n")?.contains("NUL") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")?.contains("Content-Length") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")?.contains("Content-Length") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n")?.contains("Content-Length") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")?.contains("hexadecimal") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")?.contains("CRLF") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nContent-Le")?.contains("inside its headers") == true)
    }

    @Test func oversizedResponsesAreRefusedBeforeTheyAreRead() {
        #expect(failure("HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 2000), ended: false)?.contains("headers are over 1024") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nContent-Length: 65\r\n\r\n", ended: false)?.contains("body is over 64") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFF\r\n", ended: false)?.contains("body is over 64") == true)
        #expect(failure("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n123456789\r\n", ended: false)?.contains("hexadecimal") == true)
        #expect(failure("HTTP/1.0 200 OK\r\n\r\n" + String(repeating: "b", count: 65))?.contains("body is over 64") == true)
    }
}
