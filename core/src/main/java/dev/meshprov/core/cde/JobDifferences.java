package dev.meshprov.core.cde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which managed fields of an observed job differ from the desired job, named for people. Values that may hold
 * secrets (arguments, configuration values) are not shown, only that they differ. Of the Spark configuration only
 * the keys meshprov owns are compared: those the descriptor (with the configured defaults) sets now, and those it
 * set before (recorded), so that keys CDE adds itself never cause an update while a key removed from the
 * descriptor is removed from the job.
 */
final class JobDifferences {

    /** How a difference shows a value that is not set. */
    private static final String NONE = "(none)";

    private JobDifferences() {}

    /** The differences, owning only the configuration keys of {@code desired}. */
    static List<String> between(CdeJob desired, CdeJob observed) {
        return between(desired, observed, desired.spark().conf().keySet());
    }

    /** The configuration keys meshprov owns: the desired ones and those it recorded setting before. */
    static Set<String> ownedConfKeys(CdeJob desired, RecordedState recorded) {
        Set<String> owned = new TreeSet<>(desired.spark().conf().keySet());
        owned.addAll(recorded.confKeys());
        return owned;
    }

    /**
     * {@code desired} with the configuration keys of {@code observed} that meshprov does not own added, so that an
     * update that replaces the configuration keeps what CDE added itself.
     */
    static CdeJob keepingForeignConf(CdeJob desired, CdeJob observed, Set<String> owned) {
        Map<String, String> conf = new LinkedHashMap<>();
        observed.spark().conf().forEach((key, value) -> {
            if (!owned.contains(key)) {
                conf.put(key, value);
            }
        });
        conf.putAll(desired.spark().conf());
        return desired.withConf(conf);
    }

    static List<String> between(CdeJob desired, CdeJob observed, Set<String> ownedConfKeys) {
        List<String> differences = new ArrayList<>();
        if (!new HashSet<>(desired.mounts()).equals(new HashSet<>(observed.mounts()))) {
            differences.add("mounts " + observed.mounts() + " → " + desired.mounts());
        }
        CdeJob.Spark want = desired.spark();
        CdeJob.Spark have = observed.spark();
        shown(differences, "file", have.file(), want.file());
        shownOrNone(differences, "className", have.className(), want.className());
        if (!want.args().equals(have.args())) {
            differences.add("args changed");
        }
        TreeSet<String> confKeys = new TreeSet<>(ownedConfKeys);
        confKeys.removeIf(
                key -> Objects.equals(want.conf().get(key), have.conf().get(key)));
        if (!confKeys.isEmpty()) {
            differences.add("conf changed for " + confKeys);
        }
        shown(differences, "driverCores", have.driverCores(), want.driverCores());
        shownIgnoringCase(differences, "driverMemory", have.driverMemory(), want.driverMemory());
        shown(differences, "executorCores", have.executorCores(), want.executorCores());
        shownIgnoringCase(differences, "executorMemory", have.executorMemory(), want.executorMemory());
        shown(differences, "numExecutors", have.numExecutors(), want.numExecutors());
        shownIgnoringCase(differences, "logLevel", have.logLevel(), want.logLevel());
        shown(differences, "jars", have.jars(), want.jars());
        shown(differences, "pyFiles", have.pyFiles(), want.pyFiles());
        shownOrNone(differences, "pythonEnvResourceName", have.pythonEnvResourceName(), want.pythonEnvResourceName());
        shown(differences, "schedule", describe(observed.schedule()), describe(desired.schedule()));
        return differences;
    }

    private static void shown(List<String> differences, String field, Object have, Object want) {
        if (!Objects.equals(have, want)) {
            differences.add(field + " " + have + " → " + want);
        }
    }

    /** Like {@link #shown}, an absent value shown as {@value #NONE}. */
    private static void shownOrNone(
            List<String> differences, String field, Optional<String> have, Optional<String> want) {
        shown(differences, field, have.orElse(NONE), want.orElse(NONE));
    }

    private static void shownIgnoringCase(List<String> differences, String field, String have, String want) {
        if (!have.toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT))) {
            differences.add(field + " " + have + " → " + want);
        }
    }

    private static String describe(Optional<CdeJob.Schedule> schedule) {
        return schedule.map(s -> new JobSchedule(s.cronExpression().strip().replaceAll("\\s+", " "), s.start(), s.end())
                        .describe())
                .orElse(NONE);
    }
}
