/**
 * Keeping secrets out of everything that leaves the process: {@link dev.meshprov.core.secret.Redactor} masks
 * registered secret values and the values of secret-looking keys in any text, before it reaches a log line, a
 * response, a status or an exception message; {@link dev.meshprov.core.secret.RedactedThrowable} is the copy of an
 * exception (causes and stack traces kept, every message masked) to log.
 */
package dev.meshprov.core.secret;
