import Inngest

// Named under the same condition as their declaration, so that the build's warning about events
// nothing in the target uses stays quiet in every configuration.
#if NEVER_DEFINED
func neverEvents() -> [any Event.Type] { [Never1.self] }
#endif
