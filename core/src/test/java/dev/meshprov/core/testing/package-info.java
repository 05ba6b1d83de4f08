/**
 * Test helpers shared with other modules through the core test-jar: a collecting operation log and request
 * builders. Test scope only.
 */
package dev.meshprov.core.testing;
