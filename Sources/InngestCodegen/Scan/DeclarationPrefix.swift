/// What has been read before a declaration's keyword: markers, attributes, the access level
/// and other modifiers. It belongs to the next declaration, or is reported and dropped when
/// something else comes first.
struct DeclarationPrefix: Sendable {
    /// Markers seen since the last declaration.
    var markers: [Marker] = []
    /// Attributes, as written.
    var attributes: [String] = []
    /// The access level (`public`, `private`, …), if written.
    var accessLevel: String?
    /// Other modifiers, as written (`static`, `final`, `private(set)`, …).
    var modifiers: [String] = []

    /// Whether nothing has been read.
    var isEmpty: Bool {
        markers.isEmpty && attributes.isEmpty && accessLevel == nil && modifiers.isEmpty
    }

    /// Whether `static` or `class` was written.
    var isStatic: Bool {
        modifiers.contains("static") || modifiers.contains("class")
    }
}
