/**
 * The Airbyte technology: the typed model of a component's {@code specific} section (source, destination,
 * connection), its validation and the server-side injections (Snowflake settings, File defaults), the pure
 * reconciliation of desired against observed entities (what {@code plan} prints), the {@link
 * dev.meshprov.core.airbyte.AirbyteGateway} port and {@link dev.meshprov.core.airbyte.AirbyteTechnology}, which
 * orchestrates provisioning through that port. No HTTP, Feign or wire types live here; this package depends on no
 * other technology.
 */
package dev.meshprov.core.airbyte;
