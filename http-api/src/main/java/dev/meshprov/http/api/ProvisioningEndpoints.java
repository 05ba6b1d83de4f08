package dev.meshprov.http.api;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.UpdateAclRequest;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Target;
import dev.meshprov.http.wire.ProvisioningRequestReader;
import dev.meshprov.http.wire.ProvisioningRequestReader.RemoveData;
import dev.meshprov.http.wire.StatusJson;
import dev.meshprov.http.wire.UpdateAclRequestReader;
import io.javalin.http.Context;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Optional;

/**
 * {@code POST /v1/provision}, {@code POST /v1/unprovision}, {@code POST /v1/updateacl} and
 * {@code GET /v1/provision/{token}/status}. The request is validated before anything runs: an invalid one is a 400
 * at once, in sync and async mode alike.
 */
final class ProvisioningEndpoints {

    private final Provisioner provisioner;
    private final Responder responder;
    private final Outcomes outcomes;
    private final TokenLookup tokens;
    private final RequestBody body;

    ProvisioningEndpoints(
            Provisioner provisioner, Responder responder, Outcomes outcomes, TokenLookup tokens, RequestBody body) {
        this.provisioner = provisioner;
        this.responder = responder;
        this.outcomes = outcomes;
        this.tokens = tokens;
        this.body = body;
    }

    void provision(Context ctx, Target target) {
        read(ctx, Action.PROVISION)
                .ifPresent(request -> outcomes.provisioning(
                        ctx, Action.PROVISION, provisioner.provision(target, request, CallOptions.defaults())));
    }

    void unprovision(Context ctx, Target target) {
        read(ctx, Action.UNPROVISION)
                .ifPresent(request -> outcomes.provisioning(
                        ctx, Action.UNPROVISION, provisioner.unprovision(target, request, CallOptions.defaults())));
    }

    void updateAcl(Context ctx, Target target) {
        Validation<Seq<Problem>, UpdateAclRequest> request = UpdateAclRequestReader.read(body.of(ctx));
        if (request.isInvalid()) {
            responder.invalid(ctx, Action.UPDATE_ACL, request.getError().asJava());
            return;
        }
        outcomes.provisioning(
                ctx, Action.UPDATE_ACL, provisioner.updateAcl(target, request.get(), CallOptions.defaults()));
    }

    void status(Context ctx) {
        String token = ctx.pathParam("token");
        provisioner
                .status(token)
                .ifPresentOrElse(
                        status -> responder.json(ctx, 200, StatusJson.provisioningStatus(status)),
                        () -> tokens.unknown(
                                ctx, token, "provisioning", "POST /v1/provision, /v1/unprovision or /v1/updateacl"));
    }

    private Optional<ProvisioningRequest> read(Context ctx, Action action) {
        Validation<Seq<Problem>, ProvisioningRequest> request =
                ProvisioningRequestReader.read(body.of(ctx), RemoveData.REQUIRED);
        if (request.isInvalid()) {
            responder.invalid(ctx, action, request.getError().asJava());
            return Optional.empty();
        }
        return Optional.of(request.get());
    }
}
