package dev.meshprov.http.testing;

/**
 * The configuration section of a {@link TestTechnology}.
 *
 * @param password a secret the technology carelessly repeats in its messages when asked to ({@code leakSecret})
 * @param reachable whether its readiness check succeeds (default true)
 */
public record TestTechnologyConfig(String password, Boolean reachable) {}
