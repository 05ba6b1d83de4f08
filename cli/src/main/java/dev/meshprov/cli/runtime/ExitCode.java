package dev.meshprov.cli.runtime;

/** The exit codes of every command. */
public final class ExitCode {

    /** Done: valid, provisioned, planned, served until stopped. */
    public static final int OK = 0;

    /** Invalid (validation problems, rejected request) or failed (a FAILED status, a system failure). */
    public static final int FAILED = 1;

    /** Usage or configuration error: bad options, an unreadable file, an invalid configuration. */
    public static final int USAGE = 2;

    /**
     * Could not check: an upstream system could not be reached, did not answer in time or refused meshprov's
     * credentials while the component was checked; the descriptor was not found invalid and nothing was changed.
     */
    public static final int COULD_NOT_CHECK = 3;

    private ExitCode() {}
}
