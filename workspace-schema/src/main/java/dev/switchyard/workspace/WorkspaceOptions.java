package dev.switchyard.workspace;

import java.time.Duration;

/**
 * How a workspace is opened.
 *
 * @param busyTimeout  how long a write waits for another process's lock before failing with
 *                     {@link WorkspaceException.Kind#LOCKED}
 * @param maxPageCount a size cap in database pages ({@code PRAGMA max_page_count}); 0 = no cap. A write
 *                     beyond it fails like a full disk ({@link WorkspaceException.Kind#DISK_FULL}).
 */
public record WorkspaceOptions(Duration busyTimeout, long maxPageCount) {

    public static final WorkspaceOptions DEFAULT = new WorkspaceOptions(Duration.ofSeconds(5), 0);

    public WorkspaceOptions {
        if (busyTimeout == null || busyTimeout.isNegative()) {
            throw new IllegalArgumentException("busyTimeout must be zero or positive");
        }
        if (maxPageCount < 0) {
            throw new IllegalArgumentException("maxPageCount must be zero or positive");
        }
    }

    public WorkspaceOptions withBusyTimeout(Duration timeout) {
        return new WorkspaceOptions(timeout, maxPageCount);
    }

    public WorkspaceOptions withMaxPageCount(long pages) {
        return new WorkspaceOptions(busyTimeout, pages);
    }
}
