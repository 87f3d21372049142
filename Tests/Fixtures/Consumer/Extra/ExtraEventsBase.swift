/// Sends the added handler's event.
let extraEvents: [AppEvent] = [.farewellRequested(FarewellRequested(name: "fixture"))]
