import InngestCore

extension InngestServeHandler {
    /// `GET`: in cloud mode only a validly signed request (signed over the empty body) gets an
    /// answer, the authenticated body; anything else is 401, as the JS and Python SDKs do. In dev
    /// mode signatures are not checked and everyone gets the unauthenticated body.
    func introspect(_ request: ServeRequest) -> ServeResponse {
        let sender: Sender
        do {
            (sender, _) = try admit(request, to: .introspection)
        } catch {
            return error.response
        }
        let body = Introspection(configuration: configuration, functionCount: functions.count,
                                 authentication: sender.key == nil ? nil : true, servePath: request.path)
        return respond(200, body.json, signWith: sender.key)
    }

    /// `POST ?probe=trust`: in cloud mode, verifies the signature (over the empty body) and answers
    /// a signed `{}`; any other probe is 400.
    func probe(_ request: ServeRequest) -> ServeResponse {
        let sender: Sender
        do {
            (sender, _) = try admit(request, to: .probe)
        } catch {
            return error.response
        }
        guard request.query["probe"] == "trust" else {
            let name = (request.query["probe"] ?? "").prefix(40)
            return failure(400, SerializedError(name: "UnknownProbe", message: "unknown probe \"\(name)\"; this SDK answers probe=trust"),
                           retriable: false, signWith: sender.key)
        }
        return respond(200, .object([:]), signWith: sender.key)
    }
}
