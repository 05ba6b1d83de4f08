package dev.meshprov.cde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.meshprov.core.cde.ArtifactStore;
import dev.meshprov.core.cde.CdeGateway;
import dev.meshprov.core.cde.CdeTechnology;
import dev.meshprov.core.cde.CdpGateway;
import dev.meshprov.core.config.ConfigSection;
import dev.meshprov.core.model.Problem;
import dev.meshprov.core.port.ExecutionMode;
import dev.meshprov.core.port.Technology;
import dev.meshprov.core.port.TechnologyContext;
import dev.meshprov.core.port.TechnologyDescriptor;
import dev.meshprov.core.port.TechnologyProvider;
import dev.meshprov.core.secret.Redactor;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.Target;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import io.vavr.Lazy;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.net.http.HttpClient;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Creates the CDE technology from the {@code cde} configuration section: the signed CDP gateway, the jobs API
 * gateway with Knox tokens, and the S3 artifact store. Found through {@link java.util.ServiceLoader}; makes no
 * upstream call when creating.
 */
public final class CdeTechnologyProvider implements TechnologyProvider {

    /** The section and technology name. */
    public static final String NAME = "cde";

    private static final TechnologyDescriptor DESCRIPTOR = new TechnologyDescriptor(
            NAME,
            "Cloudera Data Engineering",
            ExecutionMode.ASYNC,
            false,
            Set.of("workload"),
            "Set cde.enabled: true, the CDP API key cde.cdp.accessKeyId and cde.cdp.privateKey, the workload user"
                    + " cde.workload.user and cde.workload.password, and cde.cdp.region (default us-west-1) or"
                    + " cde.cdp.endpoint; for the artifacts set cde.aws.region (and cde.aws.endpoint for an"
                    + " S3-compatible store).");

    @Override
    public TechnologyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Validation<Seq<Problem>, Technology<?>> create(ConfigSection config, TechnologyContext context) {
        return config.bind(CdeConfig.class).flatMap(bound -> create(bound, config.path(), context));
    }

    /** Creates the technology from an already bound configuration (for embedding without a configuration tree). */
    public static Validation<Seq<Problem>, Technology<?>> create(
            CdeConfig config, String section, TechnologyContext context) {
        registerSecrets(config, context.redactor());
        return AdapterSettings.from(config, section).map(settings -> build(settings, context));
    }

    private static void registerSecrets(CdeConfig config, Redactor redactor) {
        if (config.cdp() != null) {
            redactor.register(config.cdp().privateKey());
        }
        if (config.workload() != null) {
            redactor.register(config.workload().password());
        }
        if (config.aws() != null) {
            redactor.register(config.aws().secretAccessKey());
        }
    }

    private static Technology<?> build(AdapterSettings settings, TechnologyContext context) {
        Gateways gateways = wire(settings, context);
        return new CdeTechnology(gateways.cdp(), gateways.cde(), gateways.artifacts(), settings.rules());
    }

    /** The three port implementations, as the technology gets them. */
    record Gateways(CdpGateway cdp, CdeGateway cde, ArtifactStore artifacts) {}

    static Gateways wire(AdapterSettings settings, TechnologyContext context) {
        ObjectMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Request.Options options = new Request.Options(settings.connectTimeout(), settings.readTimeout(), false);
        UpstreamCalls calls = new UpstreamCalls(context.observer(), settings.retries());
        Redactor redactor = context.redactor();

        CdpApi cdpApi = Feign.builder()
                .client(new Http2Client(http))
                .encoder(new JacksonEncoder(json))
                .options(options)
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(new CdpSigningInterceptor(
                        settings.apiKey(), settings.cdpEndpoint().getPath(), context.clock()))
                .target(CdpApi.class, settings.cdpEndpoint().toString());
        FeignCdpGateway cdp = new FeignCdpGateway(
                cdpApi,
                calls,
                new HttpFailures(FeignCdpGateway.SYSTEM, redactor),
                json,
                settings.discoveryCacheTtl(),
                context.clock());

        CdeJobsApi jobsApi = Feign.builder()
                .client(new Http2Client(http))
                .encoder(new JacksonEncoder(json))
                .options(options)
                .retryer(Retryer.NEVER_RETRY)
                .target(Target.EmptyTarget.create(CdeJobsApi.class));
        HttpFailures cdeFailures = new HttpFailures(FeignCdeGateway.SYSTEM, redactor);
        KnoxTokens tokens = new KnoxTokens(
                jobsApi,
                calls,
                cdeFailures,
                json,
                redactor,
                context.clock(),
                settings.tokenUrl(),
                settings.workloadUser(),
                settings.workloadPassword());
        FeignCdeGateway cde = new FeignCdeGateway(
                jobsApi, new MultipartUpload(http, settings.uploadTimeout()), tokens, calls, cdeFailures, json);

        Lazy<S3Client> s3 = Lazy.of(() -> s3Client(settings));
        return new Gateways(cdp, cde, new S3ArtifactStore(s3, calls, redactor));
    }

    private static S3Client s3Client(AdapterSettings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .forcePathStyle(settings.pathStyleAccess());
        settings.awsRegion().ifPresent(region -> builder.region(Region.of(region)));
        settings.awsEndpoint().ifPresent(builder::endpointOverride);
        if (settings.awsAccessKeyId().isPresent()
                && settings.awsSecretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.awsAccessKeyId().get(),
                    settings.awsSecretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
