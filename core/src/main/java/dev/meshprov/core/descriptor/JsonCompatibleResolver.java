package dev.meshprov.core.descriptor;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars the way JSON and YAML 1.2 do: only {@code true}/{@code false} are booleans ({@code yes},
 * {@code no}, {@code on}, {@code off} stay strings), integers are decimal, and timestamps stay strings.
 */
final class JsonCompatibleResolver extends Resolver {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern INTEGER = Pattern.compile("^[-+]?[0-9]+$");
    private static final Pattern DECIMAL =
            Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"
                    + "|^[-+]?\\.(?:inf|Inf|INF)$|^\\.(?:nan|NaN|NAN)$");
    private static final Pattern NULL_VALUE = Pattern.compile("^(?:~|null|Null|NULL)$");
    private static final Pattern EMPTY_VALUE = Pattern.compile("^$");
    private static final Pattern MERGE_KEY = Pattern.compile("^<<$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
        addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, DECIMAL, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE_KEY, "<");
        addImplicitResolver(Tag.NULL, NULL_VALUE, "~nN");
        addImplicitResolver(Tag.NULL, EMPTY_VALUE, null);
    }
}
