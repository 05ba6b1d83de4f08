package dev.meshprov.core.cde;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file in a CDE resource, as the jobs API lists it.
 *
 * @param path its path in the resource
 * @param size its size in bytes; negative when the listing did not say
 * @param signature the content signature CDE reports, when it reports one (assumed to be an MD5 hex digest, which
 *     nothing public proves: see {@link #md5Signature()})
 */
public record ResourceFile(String path, long size, Optional<String> signature) {

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

    public ResourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(signature, "signature");
    }

    /** Whether the listing gave the size. */
    public boolean sizeKnown() {
        return size >= 0;
    }

    /** The signature when it has the form of an MD5 hex digest (which an S3 ETag of a single-part upload is). */
    public Optional<String> md5Signature() {
        return signature.filter(s -> MD5_HEX.matcher(s).matches());
    }
}
