/**
 * One class per command (validate, plan, provision, unprovision, reverse, serve, config check, completion), the
 * shared options as mixins, and the mapping of the facade's answers to exit codes. Commands read their input, open a
 * session and hand the outcome to a renderer; they neither parse descriptors nor format output themselves, and know
 * no technology.
 */
package dev.meshprov.cli.command;
