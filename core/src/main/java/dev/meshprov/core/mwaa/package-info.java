/**
 * Airflow on Amazon MWAA (and self-managed Airflow): the typed model of a workload component's {@code specific}
 * section ({@code dagName}, {@code sourcePath}, {@code destinationPath}, {@code bucketName}, {@code scheduleCron}),
 * its validation and key-naming rules ({@link dev.meshprov.core.mwaa.DagNaming}), the pure reconciliation of the
 * deployed DAG with its staging copy ({@link dev.meshprov.core.mwaa.DagReconciler}), the
 * {@link dev.meshprov.core.mwaa.DagStore} port and the {@link dev.meshprov.core.mwaa.MwaaTechnology} that
 * orchestrates through it. Pure: Jackson, Vavr and the JDK only; no I/O except through the port, and nothing from
 * the other technology packages.
 *
 * <p><b>Sibling rule for the collision check.</b> Another component of the same data product counts as an Airflow
 * sibling when its {@code infrastructureTemplateId} or its {@code useCaseTemplateId} equals the current
 * component's (compared without the version segment, so {@code ...:0} and {@code ...:1} match) and its
 * {@code specific.dagName} is a string. Two Airflow components collide when they resolve to the same bucket and the
 * same DAG id (hence the same file in the same DAG folder): the name sanitiser is not injective, so
 * {@code my-dag.py} and {@code my_dag.py} collide.
 */
package dev.meshprov.core.mwaa;
