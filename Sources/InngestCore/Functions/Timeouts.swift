/// Inngest's `timeouts` of a function: a run that does not start in time, or does not finish in
/// time once started, is cancelled (its `cancelOn`-style end, not a failure: no retry, no
/// `onFailure`).
///
/// ```swift
/// static let options = FunctionOptions(timeouts: Timeouts(start: .minutes(5), finish: .hours(1)))
/// ```
public struct Timeouts: Sendable, Hashable {
    /// The longest a run may wait, once due, before its first step starts.
    public var start: Duration?
    /// The longest a run may take from its start to its end, sleeps and waits included.
    public var finish: Duration?

    /// Creates timeouts; each must be positive.
    /// - Parameters:
    ///   - start: the longest wait before the run starts.
    ///   - finish: the longest time from start to end.
    public init(start: Duration? = nil, finish: Duration? = nil) {
        self.start = start
        self.finish = finish
    }
}
