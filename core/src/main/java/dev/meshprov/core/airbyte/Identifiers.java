package dev.meshprov.core.airbyte;

import java.util.regex.Pattern;

/** Checks of identifiers: UUIDs (Airbyte ids) and unquoted Snowflake identifiers. */
final class Identifiers {

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern SNOWFLAKE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_$]{0,254}$");

    private Identifiers() {}

    static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    /** Whether {@code text} is a valid unquoted Snowflake identifier. */
    static boolean isSnowflakeIdentifier(String text) {
        return text != null && SNOWFLAKE.matcher(text).matches();
    }

    /** What an unquoted Snowflake identifier looks like, for messages. */
    static String snowflakeRule() {
        return "an unquoted Snowflake identifier starts with a letter or '_' and continues with letters, digits,"
                + " '_' or '$' (at most 255 characters)";
    }
}
