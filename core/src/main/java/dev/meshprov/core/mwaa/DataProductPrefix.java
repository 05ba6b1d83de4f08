package dev.meshprov.core.mwaa;

import java.util.Objects;
import java.util.Optional;

/**
 * The domain, data product and major version that every key of a DAG starts with, taken from the component id
 * ({@code urn:dmb:cmp:healthcare:vaccinations:0:airflow} → {@code healthcare.vaccinations.0}). Like the incumbent,
 * only the segments 3 to 5 of the id split on {@code :} are needed, so ids with at least six segments work.
 *
 * @param domain the domain segment
 * @param dataProduct the data product segment
 * @param majorVersion the major version segment
 */
public record DataProductPrefix(String domain, String dataProduct, String majorVersion) {

    public DataProductPrefix {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(dataProduct, "dataProduct");
        Objects.requireNonNull(majorVersion, "majorVersion");
    }

    /** The prefix of a component id; empty when it has fewer than six segments or a segment is unusable. */
    public static Optional<DataProductPrefix> fromComponentId(String componentId) {
        String[] segments = componentId.split(":", -1);
        if (segments.length < 6) {
            return Optional.empty();
        }
        return of(segments[3], segments[4], segments[5]);
    }

    /** The prefix in its dotted form, e.g. {@code finance.cashflow.1}; empty when it is not three usable parts. */
    public static Optional<DataProductPrefix> fromDotted(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        return parts.length == 3 ? of(parts[0], parts[1], parts[2]) : Optional.empty();
    }

    /** A prefix of three parts; empty when one is blank or holds a path separator or a control character. */
    public static Optional<DataProductPrefix> of(String domain, String dataProduct, String majorVersion) {
        if (usable(domain) && usable(dataProduct) && usable(majorVersion)) {
            return Optional.of(new DataProductPrefix(domain, dataProduct, majorVersion));
        }
        return Optional.empty();
    }

    private static boolean usable(String segment) {
        return !segment.isBlank() && segment.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }

    /** {@code domain.dataProduct.major}, as used in the staging key and the pre-2025 DAG key. */
    public String dotted() {
        return domain + "." + dataProduct + "." + majorVersion;
    }

    /** The dotted form with every character outside {@code [a-zA-Z0-9_]} replaced by {@code _}. */
    public String sanitized() {
        return DagNaming.sanitize(dotted());
    }

    @Override
    public String toString() {
        return dotted();
    }
}
