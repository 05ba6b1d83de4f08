/**
 * The MWAA technology's adapters: the {@link dev.meshprov.core.mwaa.DagStore} on Amazon S3 (AWS SDK v2, sync
 * client; S3 errors translated to {@link dev.meshprov.core.model.UpstreamFailure}s here and nowhere else) and on a
 * local folder for self-managed Airflow, the configuration record {@link dev.meshprov.mwaa.MwaaConfig} and the
 * {@link dev.meshprov.mwaa.MwaaTechnologyProvider} found through {@link java.util.ServiceLoader}. Everything else is
 * package-private; the technology's rules live in {@code dev.meshprov.core.mwaa}, not here.
 */
package dev.meshprov.mwaa;
