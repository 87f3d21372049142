/// Thrown by step tools to stop the handler once the execution has something to report. The
/// executor ignores what the handler does with it: once an op is reported, the outcome is the ops.
struct ExecutionInterrupt: Error, CustomStringConvertible {
    var description: String {
        "the execution stopped at a step to report it; do not catch this error in a handler"
    }
}
