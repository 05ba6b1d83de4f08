/**
 * Test helpers shared with other modules through the core test-jar: a collecting operation log and upstream
 * observer, request builders, a mutable clock, and loopback servers that misbehave as upstreams and networks do (S3
 * stubs answering errors, resets, silence or canned malformed answers; a black hole where connects time out). Test
 * scope only.
 */
package dev.meshprov.core.testing;
