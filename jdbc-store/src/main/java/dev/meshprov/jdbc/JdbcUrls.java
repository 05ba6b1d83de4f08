package dev.meshprov.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: without parameters or user info, which can carry a password. */
final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)password=([^&;]+)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*:([^/@]+)@");

    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)([?&;])password=([^&;]*)");

    private JdbcUrls() {}

    /**
     * A URL to connect with and the password that was written into it.
     *
     * @param url the URL without its password parameter
     * @param password the password taken out of the URL, if there was one
     */
    record Connectable(String url, Optional<String> password) {}

    /**
     * The URL without its password parameter ({@code ?password=} or {@code &password=} of PostgreSQL,
     * {@code ;PASSWORD=} of H2) and that password, so that the pool hands it to the driver as a connection property:
     * drivers log the URL they connect with (PostgreSQL's at level FINE). PostgreSQL decodes its parameters, so a
     * {@code percentEncoded} password is decoded; H2 takes them as written.
     */
    static Connectable withoutPassword(String jdbcUrl, boolean percentEncoded) {
        String url = jdbcUrl;
        Optional<String> password = Optional.empty();
        Matcher matcher = PASSWORD_SETTING.matcher(url);
        while (matcher.find()) {
            String value = matcher.group(2);
            password = Optional.of(percentEncoded ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value);
            String rest = url.substring(matcher.end());
            if (matcher.group(1).equals("?")) {
                rest = rest.startsWith("&") ? "?" + rest.substring(1) : rest.isEmpty() ? "" : "?" + rest;
            }
            url = url.substring(0, matcher.start()) + rest;
            matcher = PASSWORD_SETTING.matcher(url);
        }
        return new Connectable(url, password);
    }

    /** The URL up to its first parameter, without user info: safe to print. */
    static String describe(String jdbcUrl) {
        String withoutParameters = jdbcUrl.split("[?;]", 2)[0];
        return withoutParameters.replaceAll("//[^/@]*@", "//");
    }

    /** The passwords written into the URL itself, to be registered with the redactor. */
    static List<String> embeddedPasswords(String jdbcUrl) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(PASSWORD_PARAMETER, USER_INFO)) {
            Matcher matcher = pattern.matcher(jdbcUrl);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }
}
