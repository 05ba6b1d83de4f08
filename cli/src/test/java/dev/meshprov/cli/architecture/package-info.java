/** The architecture rules (ArchUnit) and the proof that each rule fails on a deliberate violation. */
package dev.meshprov.cli.architecture;
