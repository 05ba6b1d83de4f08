package dev.meshprov.http.bootstrap;

import java.util.List;

/**
 * One entry of section {@code routing}, keyed by technology name. A list given here replaces that technology's
 * default list; versions in the ids are ignored.
 *
 * @param infrastructureTemplateIds the infrastructure template ids routed to the technology
 * @param useCaseTemplateIds the use case template ids routed to it
 */
public record RouteSettings(List<String> infrastructureTemplateIds, List<String> useCaseTemplateIds) {}
