package dev.switchyard.local.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ModelFileIntegrity#check} found in a model folder.
 *
 * @param status   OK, the folder is gone, or files differ from what was recorded
 * @param folder   the model folder
 * @param problems each file that is missing or differs, in the order recorded (empty unless {@link Status#FILES_CHANGED})
 * @param hashed   files whose content was hashed by this check (0 when sizes and times were as recorded or cached)
 */
public record FileCheck(Status status, Path folder, List<Problem> problems, int hashed) {

    /** The state of a model folder. */
    public enum Status { OK, FOLDER_MISSING, FILES_CHANGED }

    /** How one file differs from what was recorded. */
    public enum Change {
        /** Not there any more. */
        MISSING,
        /** Another size: truncated, cut short by a copy, or replaced. */
        SIZE_CHANGED,
        /** Same size, but its content's SHA-256 is not the recorded one (overwritten). */
        CONTENT_CHANGED
    }

    /**
     * One changed file.
     *
     * @param path         as recorded ({@code onnx/model.onnx})
     * @param change       what changed
     * @param expectedSize the recorded size
     * @param actualSize   its size now (-1 when missing)
     */
    public record Problem(String path, Change change, long expectedSize, long actualSize) {
    }

    public FileCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
