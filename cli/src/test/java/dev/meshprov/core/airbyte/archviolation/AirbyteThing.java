package dev.meshprov.core.airbyte.archviolation;

/** A technology class that others must not use; see ArchitectureRulesFailTest. */
public class AirbyteThing {}
