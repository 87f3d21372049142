/// A property (`let` or `var`) declared directly in a type's body.
///
/// `let a: Int, b: String` gives two properties; attributes, modifiers and markers written
/// before the keyword belong to each of them. In `var a, b: Int` both get type `Int`.
public struct PropertyDecl: Hashable, Sendable {
    /// The name, backticks stripped.
    public var name: String
    /// The normalised type annotation, if written.
    public var type: String?
    /// Whether `static` or `class` is written.
    public var isStatic: Bool
    /// Whether declared with `let`.
    public var isLet: Bool
    /// False for computed properties (`var x: T { … }`, `{ get set }` requirements);
    /// true for stored ones, including `lazy` and those with `willSet`/`didSet`.
    public var isStored: Bool
    /// Whether `= expression` is written.
    public var hasInitializer: Bool
    /// The expression after `=`, tokens joined with one space where the source had
    /// whitespace (or a comment) between them. For a computed `static`/`class` property
    /// whose body (or `get` body) is one expression, optionally after `return`, that
    /// expression (then `hasInitializer` stays false).
    public var initializer: String?
    /// When `initializer` is exactly one plain, non-interpolated string literal: its decoded
    /// value.
    public var stringLiteralValue: String?
    /// For a `static`/`class` property with an `initializer`: that expression exactly as written,
    /// so that readers of `trigger` and `options` can point inside it.
    public var initializerSpan: SourceSpan?
    /// Attributes written before the declaration, as written (`@Injected`, `@MainActor`).
    public var attributes: [String]
    /// The markers attached to this declaration, in order.
    public var markers: [Marker]
    /// The enclosing `#if` conditions, outermost first (see ``TypeDecl/conditions``).
    public var conditions: [String]
    /// The location of the name.
    public var location: SourceLocation
    /// `public`, `package`, `internal`, `fileprivate`, `private` or `open`, if written.
    public var accessLevel: String?
    /// Modifiers other than the access level, as written: `static`, `lazy`, `weak`,
    /// `nonisolated(unsafe)`, `private(set)`, …
    public var modifiers: [String]

    /// Creates a property declaration.
    public init(
        name: String,
        type: String? = nil,
        isStatic: Bool = false,
        isLet: Bool = false,
        isStored: Bool = true,
        hasInitializer: Bool = false,
        initializer: String? = nil,
        stringLiteralValue: String? = nil,
        initializerSpan: SourceSpan? = nil,
        attributes: [String] = [],
        markers: [Marker] = [],
        conditions: [String] = [],
        location: SourceLocation,
        accessLevel: String? = nil,
        modifiers: [String] = []
    ) {
        self.name = name
        self.type = type
        self.isStatic = isStatic
        self.isLet = isLet
        self.isStored = isStored
        self.hasInitializer = hasInitializer
        self.initializer = initializer
        self.stringLiteralValue = stringLiteralValue
        self.initializerSpan = initializerSpan
        self.attributes = attributes
        self.markers = markers
        self.conditions = conditions
        self.location = location
        self.accessLevel = accessLevel
        self.modifiers = modifiers
    }
}
