import Inngest

// Events and nothing else: no function, no injectable, no module.

// @inngest.event("shape/marked")
struct Marked: Codable, Sendable {
    var value: Int
}

struct Conformed: Event {
    static let name = "shape/conformed"
    var value: String
}
