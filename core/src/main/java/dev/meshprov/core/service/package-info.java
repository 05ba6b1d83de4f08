/**
 * The use cases: routing a request to its technology, validate (sync and async), provision and unprovision (sync
 * and async), status, update ACL, reverse provisioning and plan, all behind the
 * {@link dev.meshprov.core.service.Provisioner} facade. Mutating operations on one component run one after the
 * other in order of arrival; different components run in parallel on a bounded pool. Knows no technology.
 *
 * <p>Inside: {@code RequestResolver} parses, routes and validates a request; {@code ComponentOperations} runs
 * provision, unprovision and update ACL under the component lock; {@code ReverseProvisioning} is the reverse use
 * case; {@code TaskRunner} is the task machinery (store, run, progress, end once, listener, wait, shutdown) on the
 * {@code KeyedSerialExecutor}; {@code Answers} maps problems and tasks to what callers see.
 */
package dev.meshprov.core.service;
