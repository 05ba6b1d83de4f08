package dev.meshprov.mwaa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.core.model.UpstreamFailure;
import dev.meshprov.core.mwaa.ObjectRef;
import dev.meshprov.core.mwaa.StoredObject;
import dev.meshprov.core.port.UpstreamCall;
import dev.meshprov.core.secret.Redactor;
import dev.meshprov.core.testing.CollectingUpstreamObserver;
import dev.meshprov.core.testing.S3StubServers.CannedServer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An S3 endpoint answering with something S3 would not send — XML cut off or of another shape, a proxy's HTML page,
 * JSON, an empty body, a body shorter than announced, an error document in a 200, no HTTP at all: every call returns
 * an honest failure naming itself (malformed when an answer came but cannot be what S3 meant, unavailable when the
 * exchange itself broke), and nothing throws.
 */
class S3MalformedAnswersTest {

    private static final String BUCKET = "dags-bucket";
    private static final ObjectRef DAG = new ObjectRef(BUCKET, "dags/finance_cashflow_1_daily.py");
    private static final ObjectRef STAGED = new ObjectRef(BUCKET, "source/finance.cashflow.1.daily.py");
    private static final StoredObject READ =
            new StoredObject("9b2cf535f27731c974343645a3985328", Optional.empty(), Optional.empty());
    private static final String XML = "application/xml";
    private static final String LISTING_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>dags-bucket</Name>"
            + "<Prefix>dags/</Prefix><MaxKeys>1000</MaxKeys>";
    private static final String INTERNAL_ERROR = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + "InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>";
    private static final String PROXY_PAGE =
            "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>proxy login<br></form></body></html>";

    private final CollectingUpstreamObserver observer = new CollectingUpstreamObserver();

    static Stream<Arguments> listings() {
        return Stream.of(
                malformed(
                        "XML cut off inside an element",
                        () -> CannedServer.answering(
                                200, XML, LISTING_HEAD + "<KeyCount>1</KeyCount><Contents><Key>dags/a.py</Ke")),
                malformed("a proxy's sign-in page", () -> CannedServer.answering(200, "text/html", PROXY_PAGE)),
                malformed("JSON", () -> CannedServer.answering(200, "application/json", "{\"Contents\":[]}")),
                malformed("an empty body", () -> CannedServer.answering(200, XML, "")),
                malformed(
                        "XML of another call",
                        () -> CannedServer.answering(
                                200, XML, "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>")),
                malformed(
                        "an object without a key",
                        () -> CannedServer.answering(
                                200,
                                XML,
                                LISTING_HEAD + "<KeyCount>1</KeyCount><Contents><Size>3</Size></Contents>"
                                        + "<IsTruncated>false</IsTruncated></ListBucketResult>")),
                malformed(
                        "the same continuation token again and again",
                        () -> CannedServer.answering(
                                200,
                                XML,
                                LISTING_HEAD + "<KeyCount>1</KeyCount><Contents><Key>dags/a.py</Key></Contents>"
                                        + "<IsTruncated>true</IsTruncated><NextContinuationToken>1ZQa</NextContinuationToken>"
                                        + "</ListBucketResult>")),
                malformed(
                        "a body shorter than its Content-Length",
                        () -> CannedServer.truncating(
                                200, XML, LISTING_HEAD + "<KeyCount>1</KeyCount><Contents><Key>dags/a.py</Key>")),
                unavailable("an error document in a 200", () -> CannedServer.answering(200, XML, INTERNAL_ERROR)),
                unavailable("a 500 with an HTML page", () -> CannedServer.answering(500, "text/html", PROXY_PAGE)),
                unavailable("not HTTP at all", () -> CannedServer.raw("SSH-2.0-OpenSSH_9.6\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void aListingThatCannotBeReadIsAnHonestFailure(
            String answer, Supplier<CannedServer> server, Class<? extends UpstreamFailure> expected) throws Exception {
        try (CannedServer s3 = server.get()) {
            UpstreamFailure failure = store(s3).list(BUCKET, "dags/").getLeft();

            assertThat(failure).as(answer).isInstanceOf(expected);
            assertThat(failure.describe()).startsWith("S3 ListObjectsV2 s3://dags-bucket/dags/ failed (");
            assertThat(s3.requestLines())
                    .as("bounded: at most the configured attempts")
                    .hasSizeBetween(1, 2);
        }
    }

    static Stream<Arguments> copies() {
        return Stream.of(
                malformed("XML cut off", () -> CannedServer.answering(200, XML, "<CopyObjectResult><ETag>\"ab")),
                malformed("a proxy's sign-in page", () -> CannedServer.answering(200, "text/html", PROXY_PAGE)),
                malformed("an empty body", () -> CannedServer.answering(200, XML, "")),
                unavailable("an error document in a 200", () -> CannedServer.answering(200, XML, INTERNAL_ERROR)),
                malformed(
                        "a body shorter than its Content-Length",
                        () -> CannedServer.truncating(
                                200, XML, "<CopyObjectResult><LastModified>2026-03-01T08:00:00.000Z</LastModified>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copies")
    void aCopyWhoseAnswerCannotBeReadIsAnHonestFailure(
            String answer, Supplier<CannedServer> server, Class<? extends UpstreamFailure> expected) throws Exception {
        try (CannedServer s3 = server.get()) {
            UpstreamFailure failure = store(s3).copy(STAGED, READ, DAG).getLeft();

            assertThat(failure).as(answer).isInstanceOf(expected);
            assertThat(failure.describe())
                    .startsWith("S3 CopyObject s3://dags-bucket/source/finance.cashflow.1.daily.py to"
                            + " s3://dags-bucket/dags/finance_cashflow_1_daily.py failed (");
        }
    }

    @Test
    void objectsAnsweredWithoutAnETagAreMalformed() throws Exception {
        try (CannedServer s3 = CannedServer.answering(200, "text/html", PROXY_PAGE)) {
            S3DagStore store = store(s3);

            UpstreamFailure head = store.head(STAGED).getLeft();
            UpstreamFailure put = store.put(
                            DAG, "print(1)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/x-python")
                    .getLeft();

            assertThat(head).isInstanceOf(UpstreamFailure.Malformed.class);
            assertThat(head.describe())
                    .isEqualTo(
                            "S3 HeadObject s3://dags-bucket/source/finance.cashflow.1.daily.py failed (unexpected answer):"
                                    + " the answer carries no ETag");
            assertThat(put).isInstanceOf(UpstreamFailure.Malformed.class);
            assertThat(put.describe()).startsWith("S3 PutObject s3://dags-bucket/dags/finance_cashflow_1_daily.py");
        }
    }

    @Test
    void anExistenceCheckAnsweredWithoutAnETagIsMalformedNotPresent() throws Exception {
        try (CannedServer s3 = CannedServer.answering(200, "text/html", PROXY_PAGE)) {
            S3DagStore store = store(s3);

            UpstreamFailure exists = store.exists(STAGED).getLeft();

            assertThat(exists).isInstanceOf(UpstreamFailure.Malformed.class);
            assertThat(exists).isEqualTo(store.head(STAGED).getLeft());
        }
    }

    @Test
    void anErrorDocumentInA200IsRetriedLikeTheErrorItReports() throws Exception {
        try (CannedServer s3 = CannedServer.answering(200, XML, INTERNAL_ERROR)) {
            UpstreamFailure failure = store(s3).list(BUCKET, "dags/").getLeft();

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.detail()).contains("InternalError").contains("We encountered an internal error");
            assertThat(observer.calls()).extracting(UpstreamCall::attempt).containsExactly(1, 2);
        }
    }

    private S3DagStore store(CannedServer s3) {
        return LocalS3.store(s3.endpoint(), observer, new Redactor(), Duration.ofSeconds(10), 2);
    }

    private static Arguments malformed(String answer, Supplier<CannedServer> server) {
        return Arguments.of(answer, server, UpstreamFailure.Malformed.class);
    }

    private static Arguments unavailable(String answer, Supplier<CannedServer> server) {
        return Arguments.of(answer, server, UpstreamFailure.Unavailable.class);
    }
}
