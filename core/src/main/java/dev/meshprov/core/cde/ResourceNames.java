package dev.meshprov.core.cde;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of the resources of a job, as the incumbent derives them: {@code mainres-<md5 of jobName>} for the
 * files and {@code pyenvres-<md5 of jobName>} for the Python environment (lowercase hex).
 */
public final class ResourceNames {

    private ResourceNames() {}

    /** The {@code files} resource holding the job's artifacts. */
    public static String files(String jobName) {
        return "mainres-" + md5Hex(jobName);
    }

    /** The {@code python-env} resource of a PySpark job with requirements. */
    public static String pythonEnv(String jobName) {
        return "pyenvres-" + md5Hex(jobName);
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
