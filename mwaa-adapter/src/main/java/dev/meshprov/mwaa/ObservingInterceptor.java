package dev.meshprov.mwaa;

import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.port.UpstreamObserver;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Tells the {@link UpstreamObserver} about every attempt of every S3 call: the operation ({@code HeadObject}), the
 * bucket and key, the HTTP status or {@code io-error}, the duration and the attempt number.
 */
final class ObservingInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Attempt> ATTEMPT = new ExecutionAttribute<>("meshprov.s3.attempt");

    private final UpstreamObserver observer;

    ObservingInterceptor(UpstreamObserver observer) {
        this.observer = observer;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Attempt previous = attributes.getAttribute(ATTEMPT);
        if (previous != null && previous.open) {
            report(previous, context.request(), attributes, "io-error");
        }
        attributes.putAttribute(ATTEMPT, new Attempt(previous == null ? 1 : previous.number + 1, System.nanoTime()));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt != null && attempt.open) {
            report(
                    attempt,
                    context.request(),
                    attributes,
                    Integer.toString(context.httpResponse().statusCode()));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt != null && attempt.open) {
            String outcome =
                    context.exception().getClass().getSimpleName().contains("Timeout") ? "timeout" : "io-error";
            report(attempt, context.request(), attributes, outcome);
        }
    }

    private void report(Attempt attempt, SdkRequest request, ExecutionAttributes attributes, String outcome) {
        attempt.open = false;
        String operation = Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                .orElse(request.getClass().getSimpleName());
        try {
            observer.completed(new UpstreamCall(
                    S3Failures.SYSTEM,
                    operation,
                    target(request),
                    outcome,
                    Duration.ofNanos(System.nanoTime() - attempt.startNanos),
                    attempt.number));
        } catch (RuntimeException ignored) {
            // an observer must not break the call it observes
        }
    }

    private static String target(SdkRequest request) {
        Optional<String> bucket = field(request, "DestinationBucket").or(() -> field(request, "Bucket"));
        Optional<String> key =
                field(request, "DestinationKey").or(() -> field(request, "Key")).or(() -> field(request, "Prefix"));
        return bucket.orElse("") + key.map(k -> "/" + k).orElse("");
    }

    private static Optional<String> field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class);
    }

    /** One attempt in flight. */
    private static final class Attempt {
        private final int number;
        private final long startNanos;
        private boolean open = true;

        Attempt(int number, long startNanos) {
            this.number = number;
            this.startNanos = startNanos;
        }
    }
}
