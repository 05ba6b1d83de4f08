/**
 * End-to-end tests of the real technologies through the HTTP API: the server started through the real bootstrap on
 * a free loopback port with a technology's real provider, talking to local stand-ins for its upstreams (a temporary
 * folder, S3Mock, the CDE adapter's loopback CDP and CDE servers), with the repository's example requests. Every
 * response is checked against the contract by the {@link dev.meshprov.http.testing.ApiClient}. Nothing here reaches
 * beyond 127.0.0.1.
 */
package dev.meshprov.http.e2e;
