package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The location of a job artifact in S3, written {@code s3://bucket/key} or {@code s3a://bucket/key}.
 *
 * @param uri the URI as written
 * @param bucket the bucket
 * @param key the object key (never empty, never ending with {@code /})
 */
public record ArtifactUri(String uri, String bucket, String key) {

    private static final Pattern FORM = Pattern.compile("^(s3a?)://([^/\\s]+)/(\\S+)$");
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");

    public ArtifactUri {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** Parses {@code s3://bucket/key} or {@code s3a://bucket/key}; empty for anything else. */
    public static Optional<ArtifactUri> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String bucket = matcher.group(2);
        String key = matcher.group(3);
        if (!BUCKET.matcher(bucket).matches() || key.endsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new ArtifactUri(text.strip(), bucket, key));
    }

    /** The form expected by {@link #parse}, for messages. */
    public static String expectedForm() {
        return "s3://<bucket>/<key> (or s3a://<bucket>/<key>)";
    }

    /**
     * The first {@code .} or {@code ..} segment of the key, if any: S3 stores and clients resolve such keys
     * differently (one normalises {@code a/../b} to {@code b}, another refuses it), so an artifact is never read by one.
     */
    public Optional<String> dotSegment() {
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    /** The last segment of the key: the name the file gets in the CDE resource. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return uri;
    }
}
