/// A type declaration or an extension, at file scope or nested in another type.
///
/// A value type whose fields live in one shared, copy-on-write box: the model builder copies every
/// declaration of the target into its index and passes lists of them around, and a copy is then one
/// reference count rather than one for each of its sixteen fields. The members of a body that
/// nothing marks may wait in the box to be parsed until something reads them (``DeferredMembers``).
public struct TypeDecl: Hashable, Sendable {
    /// Which keyword declared it.
    public enum Kind: String, Sendable {
        /// `struct`
        case `struct`
        /// `class`
        case `class`
        /// `enum`
        case `enum`
        /// `actor`
        case actor
        /// `extension`
        case `extension`
        /// `protocol`
        case `protocol`
    }

    /// The fields, shared by copies until one of them is changed.
    ///
    /// `@unchecked Sendable` is sound because a box is never mutated while shared: every setter of
    /// ``TypeDecl`` first replaces a box that is not uniquely referenced by a fresh copy
    /// (``makeUnique()``), so a box reachable from two values, and so possibly from two threads, is
    /// only ever read. Its fields are all `Sendable` values.
    private final class Storage: @unchecked Sendable {
        var kind: Kind
        var name: String
        var genericParameters: String?
        var inheritance: [String]
        var whereClause: String?
        var accessLevel: String?
        var modifiers: [String]
        var attributes: [String]
        var markers: [Marker]
        var conditions: [String]
        var location: SourceLocation
        var initializers: [FunctionDecl]
        var methods: [FunctionDecl]
        var properties: [PropertyDecl]
        var enumCases: [String]
        var parentName: String?
        /// False only when no method, initialiser or property has a marker (see ``TypeDecl/membersMayHaveMarkers``).
        var membersMayHaveMarkers: Bool
        /// False only when no method, initialiser or property is under an `#if` that does not
        /// enclose the type too.
        var membersMayBeConditional: Bool
        /// When set, the member lists above are empty and these are the members, parsed on first read.
        var deferred: DeferredMembers.Body?

        init(kind: Kind, name: String, genericParameters: String?, inheritance: [String], whereClause: String?, accessLevel: String?,
             modifiers: [String], attributes: [String], markers: [Marker], conditions: [String], location: SourceLocation,
             initializers: [FunctionDecl], methods: [FunctionDecl], properties: [PropertyDecl], enumCases: [String], parentName: String?) {
            self.kind = kind
            self.name = name
            self.genericParameters = genericParameters
            self.inheritance = inheritance
            self.whereClause = whereClause
            self.accessLevel = accessLevel
            self.modifiers = modifiers
            self.attributes = attributes
            self.markers = markers
            self.conditions = conditions
            self.location = location
            self.initializers = initializers
            self.methods = methods
            self.properties = properties
            self.enumCases = enumCases
            self.parentName = parentName
            membersMayHaveMarkers = initializers.contains { !$0.markers.isEmpty } || methods.contains { !$0.markers.isEmpty }
                || properties.contains { !$0.markers.isEmpty }
            membersMayBeConditional = initializers.contains { !$0.conditions.isEmpty } || methods.contains { !$0.conditions.isEmpty }
                || properties.contains { !$0.conditions.isEmpty }
        }

        func copy() -> Storage {
            let copy = Storage(kind: kind, name: name, genericParameters: genericParameters, inheritance: inheritance, whereClause: whereClause,
                               accessLevel: accessLevel, modifiers: modifiers, attributes: attributes, markers: markers, conditions: conditions,
                               location: location, initializers: [], methods: [], properties: [], enumCases: enumCases,
                               parentName: parentName)
            copy.initializers = initializers
            copy.methods = methods
            copy.properties = properties
            copy.membersMayHaveMarkers = membersMayHaveMarkers
            copy.membersMayBeConditional = membersMayBeConditional
            copy.deferred = deferred
            return copy
        }
    }

    private var storage: Storage

    /// Gives this value a box of its own before it is changed.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// `makeUnique()` before a member list is handed out to change: whatever the caller does to
    /// it, the summaries no longer vouch for it.
    private mutating func makeUniqueForMemberChange() {
        makeUniqueWithParsedMembers()
        storage.membersMayHaveMarkers = true
        storage.membersMayBeConditional = true
    }

    /// `makeUnique()`, with deferred members parsed into the box's own lists.
    private mutating func makeUniqueWithParsedMembers() {
        makeUnique()
        guard let deferred = storage.deferred else { return }
        let members = deferred.read { $0 }
        storage.initializers = members.initializers
        storage.methods = members.methods
        storage.properties = members.properties
        storage.enumCases = members.enumCases
        storage.deferred = nil
    }

    /// Leaves the members to `deferred`, which holds a body with no marker and no `#if` (so the
    /// summaries stay false). The lists must be empty: the parser calls it on a new declaration.
    mutating func deferMembers(to deferred: DeferredMembers.Body) {
        makeUnique()
        storage.deferred = deferred
    }

    // The setters are `_modify` coroutines: `types[i].methods.append(…)` then appends in place
    // rather than copying the list out of the box and back.

    /// Which keyword declared it.
    public var kind: Kind {
        get { storage.kind }
        _modify { makeUnique(); yield &storage.kind }
    }
    /// The name qualified by nesting (`Outer.Inner`); for an extension, the extended type as
    /// written and normalised (`Foo`, `Foo.Bar`, `Array<Int>`), qualified the same way when
    /// nested types are declared inside it.
    public var name: String {
        get { storage.name }
        _modify { makeUnique(); yield &storage.name }
    }
    /// The normalised text inside `<…>` after the name, if any.
    public var genericParameters: String? {
        get { storage.genericParameters }
        _modify { makeUnique(); yield &storage.genericParameters }
    }
    /// The inheritance clause, one normalised entry each, generic arguments kept
    /// (`Foo<Bar>`), `@unchecked Sendable` and `~Copyable` kept as written.
    public var inheritance: [String] {
        get { storage.inheritance }
        _modify { makeUnique(); yield &storage.inheritance }
    }
    /// The normalised requirements of a generic `where` clause after the inheritance clause, if
    /// written (`Element: Event` for `extension Array: Event where Element: Event`).
    public var whereClause: String? {
        get { storage.whereClause }
        _modify { makeUnique(); yield &storage.whereClause }
    }
    /// `public`, `package`, `internal`, `fileprivate`, `private` or `open`, if written.
    public var accessLevel: String? {
        get { storage.accessLevel }
        _modify { makeUnique(); yield &storage.accessLevel }
    }
    /// Other modifiers as written: `final`, `indirect`, `distributed`, …
    public var modifiers: [String] {
        get { storage.modifiers }
        _modify { makeUnique(); yield &storage.modifiers }
    }
    /// Attributes written before the declaration, as written.
    public var attributes: [String] {
        get { storage.attributes }
        _modify { makeUnique(); yield &storage.attributes }
    }
    /// The markers attached to this declaration, in order.
    public var markers: [Marker] {
        get { storage.markers }
        _modify { makeUnique(); yield &storage.markers }
    }
    /// The conditions of the enclosing `#if` blocks, outermost first: `X` inside `#if X`,
    /// `!(X)` in its `#else`, `!(X) && (Y)` in `#elseif Y`, `!(X) && !(Y)` in a following
    /// `#else`. Conditions are the directive's tokens joined with single spaces.
    public var conditions: [String] {
        get { storage.conditions }
        _modify { makeUnique(); yield &storage.conditions }
    }
    /// The location of the name (for an extension, of the extended type's first token).
    public var location: SourceLocation {
        get { storage.location }
        _modify { makeUnique(); yield &storage.location }
    }
    /// The initialisers declared directly in the body, in order.
    public var initializers: [FunctionDecl] {
        get { storage.deferred.map { $0.read(\.initializers) } ?? storage.initializers }
        _modify { makeUniqueForMemberChange(); yield &storage.initializers }
    }
    /// The methods declared directly in the body, in order.
    public var methods: [FunctionDecl] {
        get { storage.deferred.map { $0.read(\.methods) } ?? storage.methods }
        _modify { makeUniqueForMemberChange(); yield &storage.methods }
    }
    /// The properties declared directly in the body, in order.
    public var properties: [PropertyDecl] {
        get { storage.deferred.map { $0.read(\.properties) } ?? storage.properties }
        _modify { makeUniqueForMemberChange(); yield &storage.properties }
    }
    /// The names of the enum cases declared directly in the body, in order.
    public var enumCases: [String] {
        get { storage.deferred.map { $0.read(\.enumCases) } ?? storage.enumCases }
        _modify { makeUniqueWithParsedMembers(); yield &storage.enumCases }
    }
    /// The name of the type whose body contains this one (qualified), or `nil` at file scope.
    public var parentName: String? {
        get { storage.parentName }
        _modify { makeUnique(); yield &storage.parentName }
    }

    /// Whether the members are still waiting to be parsed (``DeferredMembers``): for the tests.
    package var hasDeferredMembers: Bool { storage.deferred != nil }

    /// Whether the members are deferred and nothing has read them yet: for the tests.
    package var hasUnreadMembers: Bool { storage.deferred.map { !$0.isParsed } ?? false }

    /// False only when neither the declaration nor a member has a marker; read in place, for the
    /// model builder's pass over every name of a target.
    var mayHaveMarkers: Bool { !storage.markers.isEmpty || storage.membersMayHaveMarkers }

    /// Whether `predicate` holds for every inheritance entry (vacuously for none) of a
    /// declaration at file scope: false for a nested one. Reads the entries in place.
    func fileScopeInheritance(allSatisfy predicate: (String) -> Bool) -> Bool {
        if storage.inheritance.isEmpty { return true }
        guard storage.parentName == nil else { return false }
        for entry in storage.inheritance where !predicate(entry) { return false }
        return true
    }

    /// False only when no method, initialiser or property has a marker: the model builder then
    /// need not read the members' markers (most types of a target have none).
    var membersMayHaveMarkers: Bool { storage.membersMayHaveMarkers }

    /// False only when no method, initialiser or property is under an `#if` that does not enclose
    /// the type too: none of them can then be under `#if false` unless the type is.
    var membersMayBeConditional: Bool { storage.membersMayBeConditional }

    /// Appends a method or (`isInitializer`) an initialiser, keeping the summaries exact: the
    /// parser's way of adding members.
    mutating func append(_ member: FunctionDecl, isInitializer: Bool) {
        makeUniqueWithParsedMembers()
        if !member.markers.isEmpty { storage.membersMayHaveMarkers = true }
        if !member.conditions.isEmpty { storage.membersMayBeConditional = true }
        if isInitializer { storage.initializers.append(member) } else { storage.methods.append(member) }
    }

    /// Appends a property, keeping the summaries exact.
    mutating func append(_ member: PropertyDecl) {
        makeUniqueWithParsedMembers()
        if !member.markers.isEmpty { storage.membersMayHaveMarkers = true }
        if !member.conditions.isEmpty { storage.membersMayBeConditional = true }
        storage.properties.append(member)
    }

    /// Creates a type declaration.
    public init(
        kind: Kind,
        name: String,
        genericParameters: String? = nil,
        inheritance: [String] = [],
        whereClause: String? = nil,
        accessLevel: String? = nil,
        modifiers: [String] = [],
        attributes: [String] = [],
        markers: [Marker] = [],
        conditions: [String] = [],
        location: SourceLocation,
        initializers: [FunctionDecl] = [],
        methods: [FunctionDecl] = [],
        properties: [PropertyDecl] = [],
        enumCases: [String] = [],
        parentName: String? = nil
    ) {
        storage = Storage(kind: kind, name: name, genericParameters: genericParameters, inheritance: inheritance, whereClause: whereClause,
                          accessLevel: accessLevel, modifiers: modifiers, attributes: attributes, markers: markers, conditions: conditions,
                          location: location, initializers: initializers, methods: methods, properties: properties, enumCases: enumCases,
                          parentName: parentName)
    }

    /// Whether every field is equal.
    public static func == (lhs: TypeDecl, rhs: TypeDecl) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let left = lhs.storage, right = rhs.storage
        return left.kind == right.kind && left.name == right.name && left.genericParameters == right.genericParameters
            && left.inheritance == right.inheritance && left.whereClause == right.whereClause && left.accessLevel == right.accessLevel
            && left.modifiers == right.modifiers && left.attributes == right.attributes && left.markers == right.markers
            && left.conditions == right.conditions && left.location == right.location && lhs.initializers == rhs.initializers
            && lhs.methods == rhs.methods && lhs.properties == rhs.properties && lhs.enumCases == rhs.enumCases
            && left.parentName == right.parentName
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) {
        let fields = storage
        hasher.combine(fields.kind)
        hasher.combine(fields.name)
        hasher.combine(fields.genericParameters)
        hasher.combine(fields.inheritance)
        hasher.combine(fields.whereClause)
        hasher.combine(fields.accessLevel)
        hasher.combine(fields.modifiers)
        hasher.combine(fields.attributes)
        hasher.combine(fields.markers)
        hasher.combine(fields.conditions)
        hasher.combine(fields.location)
        hasher.combine(initializers)
        hasher.combine(methods)
        hasher.combine(properties)
        hasher.combine(enumCases)
        hasher.combine(fields.parentName)
    }

    /// The last component of `name` (`Inner` for `Outer.Inner`).
    public var simpleName: String {
        guard parentName != nil, let dot = name.lastIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }
}
