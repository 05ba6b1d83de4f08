package dev.meshprov.core.mwaa.archviolation;

import dev.meshprov.core.airbyte.archviolation.AirbyteThing;

/** Deliberately makes one technology depend on another; see ArchitectureRulesFailTest. */
public class MwaaUsesAirbyte {
    public AirbyteThing thing() {
        return new AirbyteThing();
    }
}
