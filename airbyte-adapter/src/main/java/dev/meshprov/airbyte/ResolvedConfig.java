package dev.meshprov.airbyte;

import dev.meshprov.core.airbyte.AirbyteSettings;
import dev.meshprov.core.upstream.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * The checked configuration, with defaults applied.
 *
 * @param apiUrl the public API base (no trailing slash)
 * @param auth how to authenticate
 * @param connectTimeout the connect time-out
 * @param readTimeout the read time-out
 * @param retries the retry policy
 * @param settings what the core's Airbyte rules need
 */
record ResolvedConfig(
        URI apiUrl,
        AuthMethod auth,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retries,
        AirbyteSettings settings) {}
