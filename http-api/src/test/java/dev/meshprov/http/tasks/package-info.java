/**
 * Durable tasks end to end: real meshprov HTTP servers sharing a task database (embedded PostgreSQL started by the
 * tests, or an H2 file), proving that any replica answers any poll, that replicas serialise work on one component,
 * and that a stopped or crashed replica leaves an answer for pollers.
 */
package dev.meshprov.http.tasks;
