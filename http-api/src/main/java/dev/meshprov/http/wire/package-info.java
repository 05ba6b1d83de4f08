/**
 * The wire format of the Specific Provisioner API 2.2.0, independent of any HTTP library: reading the request
 * bodies into the core model with a precise problem per wrong field, and writing the model's outcomes and errors as
 * the contract's JSON. Shared by the HTTP API and the CLI's {@code --output json}; no Javalin, no I/O beyond the
 * bytes handed in.
 */
package dev.meshprov.http.wire;
