import Inngest

/// Events the added handler files ask main.swift to send (none in the base fixture).
enum ExtraEvents {
    static var all: [AppEvent] { extraEvents }
}
