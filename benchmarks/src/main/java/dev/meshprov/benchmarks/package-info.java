/**
 * JMH benchmarks of meshprov: descriptor parsing on the examples and on a large generated data product, validation
 * through the {@code Provisioner} facade, and the whole {@code POST /v1/validate} path through the HTTP server on
 * loopback. Fixtures come from the repository's {@code examples/} (copied onto the classpath at build time); no
 * benchmark reaches beyond 127.0.0.1. Not part of the default build: see {@code docs/performance.md}.
 */
package dev.meshprov.benchmarks;
