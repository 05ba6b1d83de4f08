package dev.meshprov.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: without parameters or user info, which can carry a password. */
final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)password=([^&;]+)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*:([^/@]+)@");

    private JdbcUrls() {}

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
