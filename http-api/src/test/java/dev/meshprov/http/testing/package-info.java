/**
 * Test support for the HTTP API: a server on a free loopback port wired through the real bootstrap with scripted
 * test technologies, and a client that checks every response against the contract and for leaked secrets.
 */
package dev.meshprov.http.testing;
