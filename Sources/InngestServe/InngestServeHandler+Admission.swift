import InngestCore

extension InngestServeHandler {
    /// What a request proved about its sender.
    enum Sender: Sendable {
        /// Dev mode: signatures are not checked, on any method, as in every official SDK (`inngest dev`
        /// does not sign).
        case unchecked
        /// Cloud mode, no signature header, on the one path that may accept that: an out-of-band sync
        /// (see `ServeConfiguration.allowsUnsignedSync`).
        case unsigned
        /// A valid signature.
        case signed(SignedBody)

        /// Whether this is a cloud-mode request without a signature.
        var isUnsigned: Bool {
            if case .unsigned = self { return true }
            return false
        }

        /// The key that verified the request, to sign the response with.
        var key: SigningKey? {
            if case .signed(let body) = self { return body.key }
            return nil
        }
    }

    /// A request turned away before its body was read, with the answer to send.
    struct Refusal: Error {
        let response: ServeResponse
    }

    /// Admits a request before anything parses its body, cheapest check first:
    /// 1. in cloud mode, the signature header is present (unless `acceptsUnsigned` and there is
    ///    none), well formed and within 5 minutes of now, and a key is configured: no HMAC yet;
    /// 2. the body is at most the route's limit (413 otherwise);
    /// 3. in cloud mode, the HMAC: at most once per key over the raw body, and once per key over its
    ///    canonical form for bodies up to 64 KiB (`RequestSignature.authenticate`).
    ///
    /// In dev mode only the size is checked.
    /// - Returns: the sender, and the bytes to read from now on: the bytes the signature covers, or
    ///   the raw body when nothing was signed.
    /// - Throws: `Refusal` with the 401 or 413 to answer.
    func admit(_ request: ServeRequest, to route: ServeRoute, acceptsUnsigned: Bool = false) throws(Refusal) -> (Sender, [UInt8]) {
        let keys = configuration.verificationKeys
        var signature: RequestSignature?
        if configuration.mode == .cloud {
            let header = request.headers["X-Inngest-Signature"]
            if !(acceptsUnsigned && (header ?? "").isEmpty) {
                do {
                    signature = try RequestSignature.fresh(header: header, keys: keys, now: clock.now())
                } catch {
                    throw Refusal(response: unauthorized(error, route: route))
                }
            }
        }
        guard request.body.count <= route.bodyLimit else {
            let message = route.tooLargeMessage(size: request.body.count)
            logger.warning("request refused: \(message)")
            let noRetry = route.isRetriedByServer ? [("X-Inngest-No-Retry", "true")] : []
            throw Refusal(response: respond(413, ["name": .string("RequestTooLarge"), "message": .string(message)], headers: noRetry))
        }
        guard let signature else {
            return (configuration.mode == .dev ? .unchecked : .unsigned, request.body)
        }
        do {
            let signed = try signature.authenticate(request.body, keys: keys)
            return (.signed(signed), signed.bytes)
        } catch {
            throw Refusal(response: unauthorized(error, route: route))
        }
    }

    /// A 401 naming the reason. Not marked `X-Inngest-No-Retry`: a retry can succeed once a rotated
    /// key is deployed or a clock is corrected.
    func unauthorized(_ error: SignatureError, route: ServeRoute) -> ServeResponse {
        logger.warning("rejected an unsigned or badly signed \(route) request: \(error)")
        return respond(401, ["message": .string("Unauthorized"), "error": .string(error.description)])
    }
}
