/// Marker protocol: a type the code generator should wire by constructor injection.
///
/// It has no requirements and no effect at run time; the generator finds adopters in the source,
/// reads their initialiser and emits a ``ProviderDescriptor`` whose dependencies are the
/// initialiser's parameters.
public protocol Injectable {}
