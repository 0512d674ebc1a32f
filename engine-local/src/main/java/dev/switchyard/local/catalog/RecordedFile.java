package dev.switchyard.local.catalog;

import java.util.Objects;

/**
 * One file of a model folder as it was when the model was imported or downloaded: what {@link ModelFileIntegrity}
 * compares the folder with later.
 *
 * @param path           path inside the model folder, with '/' (e.g. {@code onnx/model.onnx})
 * @param size           its size in bytes
 * @param modifiedMillis its last-modified time (ms since the epoch): unchanged with the size, the file is taken as it was
 * @param sha256         lower-case hex SHA-256 of its content, or null when it was not computed
 */
public record RecordedFile(String path, long size, long modifiedMillis, String sha256) {

    public RecordedFile {
        Objects.requireNonNull(path, "path");
        if (size < 0) {
            throw new IllegalArgumentException("size of " + path + " must be >= 0");
        }
    }
}
