/// Replaced when .ci/fixtures adds Extra/Farewell.swift.
let extraEvents: [AppEvent] = []
