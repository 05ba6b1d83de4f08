package dev.meshprov.http.logging;

/**
 * Section {@code logging}.
 *
 * @param format {@code json} (one object per line, default for the server) or {@code text}
 * @param level the level of meshprov's own loggers: {@code error}, {@code warn}, {@code info} (default),
 *     {@code debug}
 */
public record LoggingSettings(Format format, Level level) {

    /** Log line formats. */
    public enum Format {
        JSON,
        TEXT
    }

    /** Log levels. */
    public enum Level {
        ERROR,
        WARN,
        INFO,
        DEBUG
    }

    public LoggingSettings withDefaults() {
        return new LoggingSettings(format == null ? Format.JSON : format, level == null ? Level.INFO : level);
    }
}
