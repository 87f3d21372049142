// `import Inngest` is all an app needs: the programming model, modules and the embedded engine.
@_exported import InngestCore
@_exported import InngestDI
@_exported import InngestEngine
