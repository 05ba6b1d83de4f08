package dev.meshprov.http.api;

import dev.meshprov.core.model.Problem;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** The answer to a status poll with a token this server does not know: 400, never a made-up status. */
final class TokenLookup {

    /** The field of token problems: the path parameter. */
    static final String FIELD = "token";

    private final Responder responder;

    TokenLookup(Responder responder) {
        this.responder = responder;
    }

    /** 400 for {@code token}; {@code kind} names the kind of task polled, {@code origin} the call that issues them. */
    void unknown(Context ctx, String token, String kind, String origin) {
        Problem problem = Problem.of(
                FIELD,
                "'" + token + "' is not a " + kind + " task of this server: it was never issued here, it belongs to"
                        + " another kind of task, or it finished longer ago than tasks.retention",
                "Poll with the value returned by " + origin + "; start the operation again if the task expired.");
        responder.invalid(ctx, 400, Action.READ_STATUS, Optional.of(token), List.of(problem));
    }
}
