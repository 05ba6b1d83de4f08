package dev.meshprov.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshprov.cli.testing.Cli;
import dev.meshprov.cli.testing.CliRun;
import dev.meshprov.cli.testing.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@code validate FILE --output json} through the in-process entry point: the example component
 * descriptors with hostile values, hostile YAML (alias bombs, {@code !!java} tags, deep nesting), truncation and
 * noise. Every run ends with exit 0 (valid) or 1 (invalid, every problem printed) and a JSON validation result on
 * stdout; never a usage error, a bug or a stack trace. Reproduce with {@code -Dmeshprov.fuzz.seed=<seed>}.
 */
class ValidateFuzzTest {

    private static final long SEED = Long.getLong("meshprov.fuzz.seed", 0x636c6966757a7aL);
    private static final int CASES = Integer.getInteger("meshprov.cli.fuzz.cases", 500);
    private static final List<String> EXAMPLES =
            List.of("mwaa-component.yaml", "airbyte-component.yaml", "cde-component.yaml");
    private static final List<String> HOSTILE = List.of(
            "~",
            "null",
            "42",
            "-1.5e308",
            "true",
            "[]",
            "{}",
            "\"\"",
            "../../etc/passwd",
            "/etc/passwd",
            "%2e%2e%2f%2e%2e%2fetc",
            "s3://bucket/../../x.jar",
            "!!java.io.File /etc/passwd",
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]",
            "!custom value",
            "*undefined_alias",
            "&anchor value",
            "\"\\u0000\\u202e\\ud83d\\ude00\"",
            "\"" + "x".repeat(70_000) + "\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "{a: {b: {c: {d: {e: {f: {g: {h: 1}}}}}}}}");

    @TempDir
    Path directory;

    @Test
    void validateAnswersEveryMutatedDescriptorWithAResult() {
        Cli cli = Cli.in(directory).withStagedDag();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int number = 0; number < CASES; number++) {
            SplittableRandom own = random.split();
            String example = EXAMPLES.get(own.nextInt(EXAMPLES.size()));
            List<String> what = new ArrayList<>();
            String yaml = mutate(Examples.read(example), own, what);
            cli.write("fuzz.yaml", yaml);

            CliRun run = cli.run("validate", "fuzz.yaml", "--output", "json");

            String context = "seed " + SEED + ", case " + number + " (" + example + ": " + what + ")\n"
                    + abbreviate(run.describe());
            assertThat(run.exitCode()).as(context).isIn(0, 1);
            assertThat(run.json().path("valid").isBoolean()).as(context).isTrue();
            assertThat(run.json().path("valid").asBoolean()).as(context).isEqualTo(run.exitCode() == 0);
            assertThat(run.stderr()).as(context).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private static String mutate(String yaml, SplittableRandom random, List<String> what) {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> {
                String[] lines = yaml.split("\n", -1);
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    int line = random.nextInt(lines.length);
                    int colon = lines[line].indexOf(": ");
                    if (colon > 0) {
                        String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
                        what.add("line " + line + " = " + abbreviate(value));
                        lines[line] = lines[line].substring(0, colon + 2) + value;
                    }
                }
                yield String.join("\n", lines);
            }
            case 3 -> {
                int cut = random.nextInt(yaml.length() + 1);
                what.add("truncated at " + cut);
                yield yaml.substring(0, cut);
            }
            case 4 -> {
                int at = random.nextInt(yaml.length() + 1);
                what.add("noise at " + at);
                StringBuilder noise = new StringBuilder();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    noise.appendCodePoint(random.nextInt(0x20, 0x3000));
                }
                yield yaml.substring(0, at) + noise + yaml.substring(at);
            }
            default -> {
                int levels = 3 + random.nextInt(8);
                what.add("alias bomb, " + levels + " levels");
                StringBuilder bomb = new StringBuilder("l0: &l0 [lol]\n");
                for (int level = 1; level <= levels; level++) {
                    bomb.append("l").append(level).append(": &l").append(level).append(" [");
                    for (int i = 0; i < 9; i++) {
                        bomb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
                    }
                    bomb.append("]\n");
                }
                yield bomb + yaml;
            }
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
