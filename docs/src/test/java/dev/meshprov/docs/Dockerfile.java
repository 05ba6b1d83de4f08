package dev.meshprov.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into its instructions, grouped by build stage: enough to check a recipe without a Docker engine.
 * Comments and blank lines are dropped, continuation lines ({@code \} at the end) are joined, parser directives are
 * ignored.
 *
 * @param stages the stages in order; the last one is the image
 */
record Dockerfile(List<Stage> stages) {

    private static final Pattern FROM = Pattern.compile("(?i)(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");

    /**
     * One instruction.
     *
     * @param keyword upper case, e.g. {@code COPY}
     * @param arguments the rest of the line, continuation lines joined with a space
     */
    record Instruction(String keyword, String arguments) {}

    /**
     * One build stage.
     *
     * @param image the base image
     * @param name the stage's name ({@code AS name}), if any
     * @param instructions the instructions after {@code FROM}
     */
    record Stage(String image, Optional<String> name, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }

        Optional<String> last(String keyword) {
            List<String> all = arguments(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        for (Instruction instruction : instructions(text)) {
            if (instruction.keyword().equals("FROM")) {
                Matcher from = FROM.matcher(instruction.arguments());
                if (!from.matches()) {
                    throw new IllegalArgumentException("cannot read FROM " + instruction.arguments());
                }
                stages.add(new Stage(from.group(1), Optional.ofNullable(from.group(2)), new ArrayList<>()));
            } else if (stages.isEmpty()) {
                if (!instruction.keyword().equals("ARG")) {
                    throw new IllegalArgumentException(instruction.keyword() + " before the first FROM");
                }
            } else {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage image() {
        return stages.get(stages.size() - 1);
    }

    Optional<Stage> stage(String name) {
        return stages.stream()
                .filter(s -> s.name().map(name::equalsIgnoreCase).orElse(false))
                .findFirst();
    }

    private static List<Instruction> instructions(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.length() == 0)) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            pending.append(continues ? line.substring(0, line.length() - 1).strip() : line)
                    .append(' ');
            if (!continues) {
                String joined = pending.toString().strip();
                pending.setLength(0);
                int space = joined.indexOf(' ');
                String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
                String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
                instructions.add(new Instruction(keyword, arguments));
            }
        }
        return instructions;
    }
}
