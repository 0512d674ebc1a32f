package dev.switchyard.local.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a completed download.
 *
 * @param folder          the model folder
 * @param files           local relative paths present after the download
 * @param skippedOptional optional files the server did not have (404)
 * @param checksumVerified files whose SHA-256 was checked against the catalog
 * @param bytesTransferred bytes fetched over the network in this call
 * @param bytesResumed    bytes that were already on disk (finished files or .part files) and not fetched again
 * @param elapsed         wall time of the call
 */
public record DownloadResult(Path folder, List<String> files, List<String> skippedOptional,
                             List<String> checksumVerified, long bytesTransferred, long bytesResumed,
                             Duration elapsed) {

    public DownloadResult {
        files = List.copyOf(files);
        skippedOptional = List.copyOf(skippedOptional);
        checksumVerified = List.copyOf(checksumVerified);
    }
}
