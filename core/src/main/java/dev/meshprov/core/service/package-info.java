/**
 * The use cases: routing a request to its technology, validate (sync and async), provision and unprovision (sync
 * and async), status, update ACL, reverse provisioning and plan, all behind the
 * {@link dev.meshprov.core.service.Provisioner} facade. Mutating operations on one component run one after the
 * other in order of arrival; different components run in parallel on a bounded pool. Knows no technology.
 */
package dev.meshprov.core.service;
