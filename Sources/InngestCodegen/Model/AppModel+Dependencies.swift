/// A target's model seen together with the local targets it depends on.
extension AppModel {
    /// The model with `other`'s declarations added: what the checks see of an app split across
    /// targets. Nothing is generated for the added declarations; their own target generates them.
    func absorbing(_ other: AppModel) -> AppModel {
        var merged = self
        merged.events += other.events
        merged.functions += other.functions
        merged.injectables += other.injectables
        merged.modules += other.modules
        merged.waits += other.waits
        merged.declarations.merge(other.declarations) { own, other in own + other }
        merged.events.sort { $0.typeName < $1.typeName }
        merged.functions.sort { ($0.id ?? "", $0.location) < ($1.id ?? "", $1.location) }
        merged.injectables.sort { $0.typeName < $1.typeName }
        merged.modules.sort { $0.typeName < $1.typeName }
        return merged
    }

    /// The model of a dependency, its events stamped with the module that declares them.
    func declared(in moduleName: String) -> AppModel {
        var model = self
        for index in model.events.indices where model.events[index].moduleName == nil { model.events[index].moduleName = moduleName }
        return model
    }
}
