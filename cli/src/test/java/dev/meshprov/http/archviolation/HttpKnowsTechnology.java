package dev.meshprov.http.archviolation;

import dev.meshprov.core.airbyte.archviolation.AirbyteThing;

/** Deliberately breaks the entry-point rules; see ArchitectureRulesFailTest. */
public class HttpKnowsTechnology {
    public AirbyteThing thing() {
        System.out.println("printing outside the CLI");
        return new AirbyteThing();
    }

    public Object picocli() {
        return picocli.CommandLine.class;
    }
}
