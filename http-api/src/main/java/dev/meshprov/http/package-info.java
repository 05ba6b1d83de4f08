/**
 * The meshprov HTTP server: {@link dev.meshprov.http.MeshprovServer} starts and stops the Specific Provisioner API
 * of a configured {@link dev.meshprov.http.bootstrap.Application}. The routes live in {@code api}, the wire format
 * in {@code wire}, the configuration and wiring in {@code bootstrap}.
 */
package dev.meshprov.http;
