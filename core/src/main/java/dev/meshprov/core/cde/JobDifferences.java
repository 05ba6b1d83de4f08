package dev.meshprov.core.cde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which managed fields of an observed job differ from the desired job, named for people. Values that may hold
 * secrets (arguments, configuration values) are not shown, only that they differ.
 */
final class JobDifferences {

    private JobDifferences() {}

    static List<String> between(CdeJob desired, CdeJob observed) {
        List<String> differences = new ArrayList<>();
        if (!new HashSet<>(desired.mounts()).equals(new HashSet<>(observed.mounts()))) {
            differences.add("mounts " + observed.mounts() + " → " + desired.mounts());
        }
        CdeJob.Spark want = desired.spark();
        CdeJob.Spark have = observed.spark();
        shown(differences, "file", have.file(), want.file());
        shown(
                differences,
                "className",
                have.className().orElse("(none)"),
                want.className().orElse("(none)"));
        if (!want.args().equals(have.args())) {
            differences.add("args changed");
        }
        if (!want.conf().equals(have.conf())) {
            TreeSet<String> keys = new TreeSet<>(want.conf().keySet());
            keys.addAll(have.conf().keySet());
            keys.removeIf(
                    key -> Objects.equals(want.conf().get(key), have.conf().get(key)));
            differences.add("conf changed for " + keys);
        }
        shown(differences, "driverCores", have.driverCores(), want.driverCores());
        shownIgnoringCase(differences, "driverMemory", have.driverMemory(), want.driverMemory());
        shown(differences, "executorCores", have.executorCores(), want.executorCores());
        shownIgnoringCase(differences, "executorMemory", have.executorMemory(), want.executorMemory());
        shown(differences, "numExecutors", have.numExecutors(), want.numExecutors());
        shownIgnoringCase(differences, "logLevel", have.logLevel(), want.logLevel());
        shown(differences, "jars", have.jars(), want.jars());
        shown(differences, "pyFiles", have.pyFiles(), want.pyFiles());
        shown(
                differences,
                "pythonEnvResourceName",
                have.pythonEnvResourceName().orElse("(none)"),
                want.pythonEnvResourceName().orElse("(none)"));
        shown(differences, "schedule", describe(observed.schedule()), describe(desired.schedule()));
        return differences;
    }

    private static void shown(List<String> differences, String field, Object have, Object want) {
        if (!Objects.equals(have, want)) {
            differences.add(field + " " + have + " → " + want);
        }
    }

    private static void shownIgnoringCase(List<String> differences, String field, String have, String want) {
        if (!have.toLowerCase(Locale.ROOT).equals(want.toLowerCase(Locale.ROOT))) {
            differences.add(field + " " + have + " → " + want);
        }
    }

    private static String describe(Optional<CdeJob.Schedule> schedule) {
        return schedule.map(s -> new JobSchedule(s.cronExpression().strip().replaceAll("\\s+", " "), s.start(), s.end())
                        .describe())
                .orElse("(none)");
    }
}
