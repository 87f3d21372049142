// `import Inngest` is all an app needs: the programming model, modules, the embedded engine and
// the serve handler for an Inngest server.
@_exported import InngestCore
@_exported import InngestDI
@_exported import InngestEngine
@_exported import InngestServe
@_exported import InngestDashboard
