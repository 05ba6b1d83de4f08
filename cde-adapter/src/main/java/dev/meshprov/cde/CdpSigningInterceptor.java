package dev.meshprov.cde;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Signs every CDP request: {@code x-altus-date} (RFC 1123, GMT) and {@code x-altus-auth}. */
final class CdpSigningInterceptor implements RequestInterceptor {

    static final String CONTENT_TYPE = "application/json";

    private final CdpApiKey key;
    private final String basePath;
    private final Clock clock;

    /**
     * @param basePath the path of the configured endpoint ({@code ""} for {@code https://api.<region>...}), which
     *     is part of the signed path
     */
    CdpSigningInterceptor(CdpApiKey key, String basePath, Clock clock) {
        this.key = key;
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.clock = clock;
    }

    @Override
    public void apply(RequestTemplate template) {
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC));
        template.removeHeader("x-altus-date");
        template.removeHeader("x-altus-auth");
        template.header("x-altus-date", date);
        template.header(
                "x-altus-auth", key.authHeader(template.method(), CONTENT_TYPE, date, basePath + template.path()));
    }
}
