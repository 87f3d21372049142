/// Adopted by run-scoped provider types that hold something to release when the function run's
/// invocation that created them ends (a transaction, a buffered log). Called once per instance, in
/// reverse creation order, after the handler returned or threw.
public protocol OnRunEnd {
    /// Releases what the instance holds. It cannot fail the run.
    func onRunEnd() async
}
