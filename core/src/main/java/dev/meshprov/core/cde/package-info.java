/**
 * The Cloudera Data Engineering technology: the typed model of a Spark workload's {@code specific} section (JVM,
 * PySpark, PySpark with a Python environment), its validation and naming rules, the pure reconciliation of the
 * desired job, resources and files against what the virtual cluster holds (what {@code plan} prints), the outbound
 * ports ({@link dev.meshprov.core.cde.CdpGateway} for service discovery, {@link dev.meshprov.core.cde.CdeGateway}
 * for the jobs API, {@link dev.meshprov.core.cde.ArtifactStore} for artifacts) and
 * {@link dev.meshprov.core.cde.CdeTechnology}, which orchestrates them. Pure: Jackson, Vavr, core.cron and the JDK only, no
 * I/O of its own, no dependency on another technology package.
 */
package dev.meshprov.core.cde;
