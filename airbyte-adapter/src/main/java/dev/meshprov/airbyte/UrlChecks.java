package dev.meshprov.airbyte;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The address settings ({@code apiUrl}, {@code uiUrl}, {@code auth.tokenUrl}): absolute http(s) URLs without a query
 * or fragment, kept without a trailing slash; and the UI address derived from the API's when none is set.
 */
final class UrlChecks {

    private static final String PUBLIC_API_SUFFIX = "/api/public";

    private final ConfigProblems problems;

    UrlChecks(ConfigProblems problems) {
        this.problems = problems;
    }

    /** The URL of setting {@code key}, or empty (with a problem unless it is blank and optional). */
    Optional<URI> url(String key, String value, boolean required, String example) {
        if (ConfigProblems.blank(value)) {
            if (required) {
                problems.add(
                        key,
                        "is required but missing",
                        "Set " + problems.key(key) + " to the Airbyte address, " + example + ".");
            }
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(
                        key,
                        "is '" + value + "', which is not an absolute http(s) URL",
                        "Write it like " + example + ".");
                return Optional.empty();
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add(key, "must not have a query or fragment", "Write it like " + example + ".");
                return Optional.empty();
            }
            String text = uri.toString();
            return Optional.of(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
        } catch (URISyntaxException e) {
            problems.add(key, "is not a valid URL: " + e.getReason(), "Write it like " + example + ".");
            return Optional.empty();
        }
    }

    /** The web UI's address: the API's without {@code /api/public}, else the API's scheme and authority. */
    static String defaultUiUrl(URI apiUrl) {
        String text = apiUrl.toString();
        if (text.endsWith(PUBLIC_API_SUFFIX)) {
            return text.substring(0, text.length() - PUBLIC_API_SUFFIX.length());
        }
        return apiUrl.getScheme() + "://" + apiUrl.getRawAuthority();
    }
}
