package dev.switchyard.app.cli;

/** Process exit codes of every CLI command; the table is in the README. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran, but its result is a failure: a check found problems, a run did not complete, a gate was missed. */
    public static final int FAILED = 1;
    /** The command line itself is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** The workspace could not be opened or written (not SQLite, newer version, locked, read-only, corrupt, disk full). */
    public static final int WORKSPACE = 3;
    /** An input file given on the command line is missing or malformed. */
    public static final int INPUT = 4;
    /** An engine could not run (no key, network down, model missing) before any result was produced. */
    public static final int ENGINE = 5;

    private ExitCodes() {
    }
}
