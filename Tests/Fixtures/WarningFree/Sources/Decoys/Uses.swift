import Inngest

// The corpus declares these events for their shapes only; naming them keeps the build's warning
// about events nothing in the target uses quiet.
func corpusEvents() -> [any Event.Type] { [Aliased.self, Retro.self, Wrapper.Nested.self] }
