/**
 * What every adapter needs to call an upstream well, written once: the retry policy (bounded attempts, exponential
 * back-off with jitter, an upstream's {@code Retry-After} honoured up to a bound) and the reading of
 * {@code Retry-After}. Pure: no I/O, no HTTP library; the adapters do the calling.
 */
package dev.meshprov.core.upstream;
