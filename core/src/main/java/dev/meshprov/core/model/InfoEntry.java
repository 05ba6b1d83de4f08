package dev.meshprov.core.model;

import java.util.Objects;

/**
 * One {@code info.publicInfo} entry in a shape the Witboost UI renders:
 * {@code {"type":"string"|"link"|"date","label","value"[,"href"]}}.
 */
public sealed interface InfoEntry {

    /** The label shown beside the value. */
    String label();

    /** The value shown. */
    String value();

    /** The display type: {@code string}, {@code link} or {@code date}. */
    String type();

    /** A plain text value. */
    static InfoEntry text(String label, String value) {
        return new Text(label, value);
    }

    /** A link shown as {@code value}, pointing at {@code href}. */
    static InfoEntry link(String label, String value, String href) {
        return new Link(label, value, href);
    }

    /** A date or instant, ISO-8601. */
    static InfoEntry date(String label, String isoValue) {
        return new Date(label, isoValue);
    }

    /** A plain text value. */
    record Text(String label, String value) implements InfoEntry {
        public Text {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "string";
        }
    }

    /** A link. */
    record Link(String label, String value, String href) implements InfoEntry {
        public Link {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
            Objects.requireNonNull(href);
        }

        @Override
        public String type() {
            return "link";
        }
    }

    /** A date. */
    record Date(String label, String value) implements InfoEntry {
        public Date {
            Objects.requireNonNull(label);
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "date";
        }
    }
}
