/**
 * The code shown in {@code docs/embedding.md}, between {@code tag::} and {@code end::} comments: wiring a technology
 * and a {@code Provisioner} by hand, and the smallest possible new technology. It depends only on what an embedding
 * application would (core and an adapter), never on the HTTP API.
 */
package dev.meshprov.docs.embedding;
