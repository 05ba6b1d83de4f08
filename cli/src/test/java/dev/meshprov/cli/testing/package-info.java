/** Running the CLI in tests: a temporary working directory with the examples, captured streams, a stop button. */
package dev.meshprov.cli.testing;
