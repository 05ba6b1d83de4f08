/**
 * Immutable values of the domain: the provisioning request, the parsed data product and component, problems,
 * statuses, {@code info} entries, log entries and upstream failures. Records use JDK collections for data and
 * Vavr only for control types; nothing here performs I/O or knows a technology.
 */
package dev.meshprov.core.model;
