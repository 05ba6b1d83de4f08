/**
 * The Airbyte adapter: {@link dev.meshprov.airbyte.AirbyteTechnologyProvider} binds the {@code airbyte}
 * configuration section ({@link dev.meshprov.airbyte.AirbyteConfig}), checks it area by area ({@code ConfigChecks}
 * and its {@code *Checks}) and creates the core's Airbyte technology with an {@code AirbyteGateway} over Airbyte's
 * public REST API (Feign on the JDK HTTP client): wire types, paged lists, authentication (basic, bearer, client
 * credentials with a cached token), bounded retries with back-off, and the translation of every error into a
 * redacted {@code UpstreamFailure}. Only the provider and the config record are public; nothing Airbyte- or
 * Feign-specific leaves this package.
 */
package dev.meshprov.airbyte;
