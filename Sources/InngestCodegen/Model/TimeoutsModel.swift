/// A function's `timeouts`: how long a run may wait to start, and take once started.
public struct TimeoutsModel: Sendable, Hashable {
    /// The longest wait before the first step, when stated.
    public var start: LocatedDuration?
    /// The longest time from start to end, when stated.
    public var finish: LocatedDuration?

    /// Creates timeouts.
    public init(start: LocatedDuration? = nil, finish: LocatedDuration? = nil) {
        self.start = start
        self.finish = finish
    }
}
