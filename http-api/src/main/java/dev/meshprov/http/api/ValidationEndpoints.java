package dev.meshprov.http.api;

import dev.meshprov.core.model.Problem;
import dev.meshprov.core.model.ProvisioningRequest;
import dev.meshprov.core.model.ValidationResult;
import dev.meshprov.core.service.CallOptions;
import dev.meshprov.core.service.Provisioner;
import dev.meshprov.core.service.Target;
import dev.meshprov.http.wire.ProvisioningRequestReader;
import dev.meshprov.http.wire.ProvisioningRequestReader.RemoveData;
import dev.meshprov.http.wire.StatusJson;
import io.javalin.http.Context;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * {@code POST /v1/validate} (200: an invalid request, even a malformed body, is {@code valid:false}),
 * {@code POST /v2/validate} (202 with a token) and {@code GET /v2/validate/{token}/status}. A validation whose checks
 * could not be made because an upstream failed is neither valid nor invalid: both answer a 500 {@code SystemError}
 * naming the upstream call, its target and the kind of failure.
 */
final class ValidationEndpoints {

    private final Provisioner provisioner;
    private final Responder responder;
    private final Outcomes outcomes;
    private final TokenLookup tokens;
    private final RequestBody body;

    ValidationEndpoints(
            Provisioner provisioner, Responder responder, Outcomes outcomes, TokenLookup tokens, RequestBody body) {
        this.provisioner = provisioner;
        this.responder = responder;
        this.outcomes = outcomes;
        this.tokens = tokens;
        this.body = body;
    }

    void validate(Context ctx, Target target) {
        Validation<Seq<Problem>, ProvisioningRequest> request =
                ProvisioningRequestReader.read(body.of(ctx), RemoveData.FALSE_WHEN_ABSENT);
        ValidationResult result = request.isValid()
                ? provisioner.validate(target, request.get(), CallOptions.defaults())
                : ValidationResult.invalid(request.getError().asJava());
        answer(ctx, result);
    }

    /** A result, or the {@code SystemError} of checks that could not be made. */
    private void answer(Context ctx, ValidationResult result) {
        if (result.couldNotCheck()) {
            responder.couldNotCheck(ctx, Action.VALIDATE, result.outages());
        } else {
            responder.json(ctx, 200, StatusJson.validationResult(result));
        }
    }

    void validateAsync(Context ctx, Target target) {
        Validation<Seq<Problem>, ProvisioningRequest> request =
                ProvisioningRequestReader.read(body.of(ctx), RemoveData.FALSE_WHEN_ABSENT);
        if (request.isInvalid()) {
            responder.invalid(ctx, Action.VALIDATE, request.getError().asJava());
            return;
        }
        outcomes.validation(ctx, provisioner.validateAsync(target, request.get()));
    }

    void status(Context ctx) {
        String token = ctx.pathParam("token");
        provisioner
                .validationStatus(token)
                .ifPresentOrElse(
                        status -> status.result()
                                .filter(ValidationResult::couldNotCheck)
                                .ifPresentOrElse(
                                        result -> answer(ctx, result),
                                        () -> responder.json(ctx, 200, StatusJson.validationStatus(status))),
                        () -> tokens.unknown(ctx, token, "validation", "POST /v2/validate"));
    }
}
