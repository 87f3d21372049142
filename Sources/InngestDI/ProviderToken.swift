/// A typed token: a name for one provider of `Value`, so that several providers of one type can be
/// told apart (NestJS's injection tokens, with the type checked).
///
/// ```swift
/// enum PrimaryDatabase: ProviderToken { typealias Value = Database }
/// enum ReplicaDatabase: ProviderToken { typealias Value = Database }
///
/// ProviderDescriptor(token: PrimaryDatabase.self) { _ in Database(url: primaryURL) }
/// try await resolver.resolve(token: PrimaryDatabase.self)      // a Database
/// ```
///
/// A token is provided, exported and overridden like a type: by its own metatype
/// (`exports: [PrimaryDatabase.self]`).
public protocol ProviderToken: SendableMetatype {
    /// The type of the instance the token stands for.
    associatedtype Value
}
