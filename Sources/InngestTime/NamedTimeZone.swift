#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Named time zones (`Europe/Paris`, `UTC`) for a cron's `TZ=` prefix.
///
/// FoundationEssentials alone resolves no zone name: the zone database comes with
/// FoundationInternationalization and ICU, which an app that imports only Inngest does not load
/// (they cost about 6 MiB of memory). The first name to resolve loads them, once; an app that
/// imports Foundation has them already, and so does every Apple platform.
enum NamedTimeZone {
    /// The zone named `identifier`, or nil when there is none by that name (or no database).
    static func named(_ identifier: String) -> TimeZone? {
        if let zone = TimeZone(identifier: identifier) { return zone }
        guard databaseLoaded else { return nil }
        return TimeZone(identifier: identifier)
    }

    /// Whether zone names can be resolved at all: false when the database could not be loaded
    /// (a build without FoundationInternationalization's shared library, such as a static one
    /// that does not import Foundation).
    static var isDatabaseAvailable: Bool {
        TimeZone(identifier: "UTC") != nil || databaseLoaded
    }

    /// Loads FoundationInternationalization if this process has not: FoundationEssentials finds
    /// its zone implementation by name at each lookup. Runs once (a global's initialiser).
    private static let databaseLoaded: Bool = {
        #if (canImport(Glibc) || canImport(Musl)) && canImport(FoundationEssentials)
        if dlopen("libFoundationInternationalization.so", RTLD_NOW | RTLD_GLOBAL) == nil { return false }
        return TimeZone(identifier: "UTC") != nil
        #else
        return false
        #endif
    }()
}
