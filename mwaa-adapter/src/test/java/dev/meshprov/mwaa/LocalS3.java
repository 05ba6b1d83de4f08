package dev.meshprov.mwaa;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.meshprov.core.port.UpstreamObserver;
import dev.meshprov.core.secret.Redactor;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The in-process S3 server (Adobe S3Mock, loopback only) and clients for it. */
public final class LocalS3 {

    public static final String REGION = "us-east-1";

    private LocalS3() {}

    /** An S3Mock listening on 127.0.0.1 only, with these buckets; register it once per test class. */
    public static S3MockExtension extension(String... buckets) {
        return S3MockExtension.builder()
                .silent()
                .withProperty("server.address", "127.0.0.1")
                .withProperty("spring.main.sources", LoopbackOnly.class.getName())
                .withInitialBuckets(buckets)
                .build();
    }

    /** The plain-HTTP endpoint of a running S3Mock. */
    public static URI endpoint(S3MockExtension s3) {
        return URI.create("http://127.0.0.1:" + s3.getHttpPort());
    }

    /** The technology provider with {@link #testCredentials()} instead of the default chain. */
    public static MwaaTechnologyProvider provider() {
        return new MwaaTechnologyProvider(testCredentials());
    }

    /** Static test credentials instead of the default chain. */
    static Consumer<S3ClientBuilder> testCredentials() {
        return builder -> builder.credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key-id", "test-secret-key")));
    }

    static MwaaSetup.S3Settings settings(URI endpoint, Duration callTimeout, int maxAttempts) {
        return new MwaaSetup.S3Settings(
                REGION, Optional.of(endpoint), true, Duration.ofSeconds(2), callTimeout, maxAttempts);
    }

    /** A client built exactly as the store's, for setting up and checking objects beside the port. */
    public static S3Client client(URI endpoint) {
        return S3Clients.build(
                settings(endpoint, Duration.ofSeconds(30), 1), UpstreamObserver.none(), testCredentials());
    }

    /** The S3 store talking to {@code endpoint}. */
    static S3DagStore store(
            URI endpoint, UpstreamObserver observer, Redactor redactor, Duration callTimeout, int maxAttempts) {
        return new S3DagStore(
                S3Clients.build(settings(endpoint, callTimeout, maxAttempts), observer, testCredentials()), redactor);
    }

    static S3DagStore store(S3MockExtension s3, UpstreamObserver observer) {
        return store(endpoint(s3), observer, new Redactor(), Duration.ofSeconds(30), 1);
    }
}
