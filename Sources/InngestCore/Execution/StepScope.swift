/// Marks code running inside a step's body, where nested steps are not allowed.
enum StepScope {
    @TaskLocal static var isInsideStep = false
}
