import Inngest

// Broken provider declarations, reported in the same pass as the other files' errors.

struct Region: Sendable {}

// @inngest.injectable(scope: transient)
final class Stamp: Sendable { init() {} }

// @inngest.injectable
final class Archive: Sendable { init(stamp: Stamp) {} }

// @inngest.module(imports: [ReportsModule, Settings.forRoot(path: "/tmp"]), providers: [Stamp, Archive])
enum ArchiveModule {
    // @inngest.provider(scope: run)
    static let region: Region = Region()

    // @inngest.provider
    func instanceRegion() -> Region { Region() }

    // @inngest.provider(alias)
    static func both(_ a: Region, _ b: Region) -> Region { a }

    // @inngest.provider(scoped: transient)
    static func typo() -> Region { Region() }
}
