/// A response of the dashboard's server. Every response closes its connection.
package struct HTTPResponse: Sendable {
    /// The status code.
    package var status: Int
    /// Headers beyond those every response carries (length, connection, security headers).
    package var headers: [(String, String)]
    /// The body.
    package var body: [UInt8]

    package init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page.
    package static func html(_ page: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
    }

    /// A JSON document.
    package static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }

    /// Plain text, for errors.
    package static func text(_ text: String, status: Int) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array((text + "\n").utf8))
    }

    /// `303 See Other` to `location` (after a form's POST).
    package static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: [("Location", location)])
    }

    /// The bytes on the wire; a `HEAD` request's response keeps its length and drops its body.
    package func serialized(head: Bool = false) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(body.count)\r\nConnection: close\r\nCache-Control: no-store\r\n"
        // `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with
        // the dashboard's own form posts, which the origin check then refuses.
        text += "X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\n"
        // Nothing is loaded from anywhere but the dashboard itself, and no other site may frame it.
        text += "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'\r\n\r\n"
        return Array(text.utf8) + (head ? [] : body)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 303: "See Other"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 421: "Misdirected Request"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }
}
