package dev.meshprov.http.api;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ReverseProvisioningRequest;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Target;
import dev.meshprov.http.wire.ReverseProvisioningRequestReader;
import dev.meshprov.http.wire.StatusJson;
import io.javalin.http.Context;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/** {@code POST /v1/reverse-provisioning} and {@code GET /v1/reverse-provisioning/{token}/status}. */
final class ReverseProvisioningEndpoints {

    private final Provisioner provisioner;
    private final Responder responder;
    private final Outcomes outcomes;
    private final TokenLookup tokens;
    private final RequestBody body;

    ReverseProvisioningEndpoints(
            Provisioner provisioner, Responder responder, Outcomes outcomes, TokenLookup tokens, RequestBody body) {
        this.provisioner = provisioner;
        this.responder = responder;
        this.outcomes = outcomes;
        this.tokens = tokens;
        this.body = body;
    }

    void reverse(Context ctx, Target target) {
        Validation<Seq<Problem>, ReverseProvisioningRequest> request =
                ReverseProvisioningRequestReader.read(body.of(ctx));
        if (request.isInvalid()) {
            responder.invalid(ctx, Action.REVERSE, request.getError().asJava());
            return;
        }
        outcomes.reverse(ctx, provisioner.reverse(target, request.get(), CallOptions.defaults()));
    }

    void status(Context ctx) {
        String token = ctx.pathParam("token");
        provisioner
                .reverseStatus(token)
                .ifPresentOrElse(
                        status -> responder.json(ctx, 200, StatusJson.reverseStatus(status)),
                        () -> tokens.unknown(ctx, token, "reverse provisioning", "POST /v1/reverse-provisioning"));
    }
}
