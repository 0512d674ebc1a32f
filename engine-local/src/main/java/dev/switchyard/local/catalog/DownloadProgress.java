package dev.switchyard.local.catalog;

import java.time.Duration;

/**
 * A progress event of {@link ModelDownloader}. Totals are -1 when unknown (no catalog size and no
 * Content-Length). Rate and time left are averaged over the bytes transferred in this call
 * (resumed bytes already on disk count as done but not towards the rate).
 *
 * @param modelId        catalog id
 * @param precision      precision id
 * @param phase          what is happening
 * @param file           local relative path of the current file (null for PLANNING/DONE)
 * @param fileIndex      1-based index of the current file
 * @param fileCount      number of files
 * @param fileBytesDone  bytes of the current file on disk
 * @param fileBytesTotal size of the current file, or -1
 * @param bytesDone      bytes of all files on disk
 * @param bytesTotal     size of all files, or -1 when any is unknown
 * @param bytesPerSecond transfer rate so far in this call
 * @param timeLeft       estimated time left, or null when unknown
 */
public record DownloadProgress(String modelId, String precision, Phase phase, String file, int fileIndex,
                               int fileCount, long fileBytesDone, long fileBytesTotal, long bytesDone,
                               long bytesTotal, double bytesPerSecond, Duration timeLeft) {

    /** Download phases. */
    public enum Phase { PLANNING, DOWNLOADING, RETRYING, VERIFYING, FILE_DONE, DONE }

    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        return bytesTotal <= 0 ? -1 : Math.min(1.0, (double) bytesDone / bytesTotal);
    }
}
