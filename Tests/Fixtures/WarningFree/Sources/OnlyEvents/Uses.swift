import Inngest

// Other services send these events; naming them in code is what keeps the build's warning about
// events nothing in the target uses quiet (a library's public events need nothing).
func declaredEvents() -> [any Event.Type] { [Marked.self, Conformed.self] }
