/**
 * In-memory fakes of the CDE ports (CDP discovery, the jobs API, the artifact store), shared through the core
 * test-jar. They keep state, count calls and can be told to fail, so technology tests need no mocking framework.
 * Test scope only.
 */
package dev.meshprov.core.cde.testing;
