package dev.meshprov.cli.runtime;

/** The exit codes of every command. */
public final class ExitCode {

    /** Done: valid, provisioned, planned, served until stopped. */
    public static final int OK = 0;

    /** Invalid (validation problems, rejected request) or failed (FAILED status, upstream or system failure). */
    public static final int FAILED = 1;

    /** Usage or configuration error: bad options, an unreadable file, an invalid configuration. */
    public static final int USAGE = 2;

    private ExitCode() {}
}
