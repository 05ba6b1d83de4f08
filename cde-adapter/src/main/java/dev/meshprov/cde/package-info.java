/**
 * The CDE adapter: Feign gateways for the CDP control plane (API-key request signing, cached discovery) and the
 * CDE jobs API (Knox token per service, resources, streamed multipart uploads, jobs), the S3 artifact store (AWS SDK
 * v2 sync client), retries with backoff and jitter on safe calls, and the translation of every HTTP or SDK error to
 * an {@link dev.meshprov.core.model.UpstreamFailure}. Public: {@link dev.meshprov.cde.CdeConfig} and
 * {@link dev.meshprov.cde.CdeTechnologyProvider}; everything else is package-private and nothing vendor-specific
 * crosses a port.
 */
package dev.meshprov.cde;
