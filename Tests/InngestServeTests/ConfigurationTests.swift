import Foundation
import InngestServe
import Testing

@Suite struct ConfigurationTests {
    @Test(arguments: ["1", "true", "TRUE"])
    func truthyDevMeansTheLocalDevServer(value: String) throws {
        let configuration = try ServeConfiguration.fromEnvironment(appId: "app", environment: ["INNGEST_DEV": value])
        #expect(configuration.mode == .dev)
        #expect(configuration.apiBaseURL.absoluteString == "http://127.0.0.1:8288")
        #expect(configuration.eventAPIBaseURL.absoluteString == "http://127.0.0.1:8288")
        #expect(configuration.signingKey == nil)
    }

    @Test func devURLSelectsThatServer() throws {
        let configuration = try ServeConfiguration.fromEnvironment(appId: "app", environment: ["INNGEST_DEV": "http://dev.local:9999"])
        #expect(configuration.mode == .dev)
        #expect(configuration.apiBaseURL.absoluteString == "http://dev.local:9999")
    }

    @Test func cloudDefaultsAndOverrides() throws {
        let base = try ServeConfiguration.fromEnvironment(appId: "app", environment: ["INNGEST_SIGNING_KEY": testKeyText])
        #expect(base.mode == .cloud)
        #expect(base.apiBaseURL.absoluteString == "https://api.inngest.com")
        #expect(base.eventAPIBaseURL.absoluteString == "https://inn.gs")
        let configuration = try ServeConfiguration.fromEnvironment(appId: "app", environment: [
            "INNGEST_DEV": "0", "INNGEST_SIGNING_KEY": testKeyText, "INNGEST_SIGNING_KEY_FALLBACK": otherKeyText,
            "INNGEST_EVENT_KEY": "ek", "INNGEST_BASE_URL": "http://inngest.internal:8288",
            "INNGEST_EVENT_API_BASE_URL": "http://events.internal", "INNGEST_SERVE_ORIGIN": "https://app.example.com",
            "INNGEST_SERVE_PATH": "/hooks/inngest", "INNGEST_ENV": "feature-x",
        ])
        #expect(configuration.mode == .cloud)
        #expect(configuration.signingKey?.rawValue == testKeyText)
        #expect(configuration.signingKeyFallback?.rawValue == otherKeyText)
        #expect(configuration.eventKey == "ek")
        #expect(configuration.apiBaseURL.absoluteString == "http://inngest.internal:8288")
        #expect(configuration.eventAPIBaseURL.absoluteString == "http://events.internal")
        #expect(configuration.serveOrigin == "https://app.example.com")
        #expect(configuration.servePath == "/hooks/inngest")
        #expect(configuration.env == "feature-x")
    }

    @Test func cloudWithoutSigningKeyIsAnError() {
        #expect { try ServeConfiguration.fromEnvironment(appId: "app", environment: [:]) } throws: {
            "\($0)".contains("INNGEST_SIGNING_KEY")
        }
    }

    @Test(arguments: [
        ["INNGEST_DEV": "maybe"],
        ["INNGEST_DEV": "1", "INNGEST_BASE_URL": "not a url"],
        ["INNGEST_DEV": "1", "INNGEST_SIGNING_KEY": "signkey-prod-nothex"],
        ["INNGEST_DEV": "1", "INNGEST_ENABLE_UNAUTHED_SYNC": "sometimes"],
    ])
    func badVariablesAreErrors(environment: [String: String]) {
        #expect(throws: ServeConfigurationError.self) { try ServeConfiguration.fromEnvironment(appId: "app", environment: environment) }
    }

    @Test func emptyAppIdIsAnError() {
        #expect(throws: ServeConfigurationError.self) { try ServeConfiguration(appId: "", mode: .dev) }
    }
}
