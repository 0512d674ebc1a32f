package dev.switchyard.workspace.exchange;

/** Name and version of the workspace export document. */
public final class ExportFormat {

    /** The value of the top-level {@code format} field. */
    public static final String NAME = "switchyard-workspace";
    /** The value of {@code formatVersion} written by this build; import accepts 1..VERSION. */
    public static final int VERSION = 1;

    private ExportFormat() {
    }
}
