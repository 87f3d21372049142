// Nothing for the plugin: the generated files are all but empty.
enum Plain {
    static let answer = 42
}
