package dev.meshprov.cli.output;

/** How results are printed: {@code text} for people, {@code json} for scripts. */
public enum OutputFormat {
    TEXT,
    JSON;

    /** The renderer of this format, printing through {@code printer}. */
    public Renderer renderer(Printer printer) {
        return this == JSON ? new JsonRenderer(printer) : new TextRenderer(printer);
    }
}
