package dev.meshprov.mwaa;

import dev.meshprov.core.port.UpstreamObserver;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the sync S3 client from the checked settings. Building it makes no call. */
final class S3Clients {

    private S3Clients() {}

    /**
     * A client with the configured static key, else the default credentials chain (environment, system properties,
     * web identity, profile, container and instance roles), the SDK's HTTP client on the JDK's {@code HttpURLConnection} (keep-alive connections are
     * reused), the configured timeouts and retries, and the observer; {@code customizer} runs last (tests use it for
     * static credentials).
     */
    static S3Client build(
            MwaaSetup.S3Settings settings, UpstreamObserver observer, Consumer<S3ClientBuilder> customizer) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(settings.staticKey()
                        .<AwsCredentialsProvider>map(key -> StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                        .orElseGet(() -> DefaultCredentialsProvider.builder().build()))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.callTimeout()))
                .overrideConfiguration(override -> override.apiCallTimeout(settings.callTimeout())
                        .retryStrategy(retry -> retry.maxAttempts(settings.maxAttempts()))
                        .addExecutionInterceptor(new ObservingInterceptor(observer)));
        settings.endpoint().ifPresent(builder::endpointOverride);
        customizer.accept(builder);
        return builder.build();
    }
}
