/**
 * In-memory fakes of the CDE ports (CDP discovery, the jobs API, the artifact store), shared through the core
 * test-jar. They keep state, count calls and can be told to fail, so technology tests need no mocking framework.
 * {@link dev.meshprov.core.cde.testing.SuccessiveRuns} provisions a component again and again with the previous
 * run's {@code privateInfo}, as Witboost does. Test scope only.
 */
package dev.meshprov.core.cde.testing;
