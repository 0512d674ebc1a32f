package dev.switchyard.local.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a catalog entry.
 *
 * @param path     path inside the repository, appended to the base URL (e.g. {@code onnx/model_q4.onnx})
 * @param target   path inside the local model folder (defaults to {@code path}); relative, no {@code ..}
 * @param size     exact size in bytes, or null when not published/verified
 * @param sha256   lower-case hex SHA-256, or null when not published (then only the size, if any, is checked)
 * @param optional true when a 404 for this file is not an error (e.g. a generation_config.json some exports lack)
 */
public record CatalogFile(String path, String target, Long size, String sha256, boolean optional) {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    public CatalogFile {
        path = checkRelative(path, "path");
        target = target == null ? path : checkRelative(target, "target");
        if (size != null && size < 0) {
            throw new IllegalArgumentException("size of " + path + " must be >= 0");
        }
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(Locale.ROOT);
            if (!SHA.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 of " + path + " must be 64 hex digits");
            }
        }
    }

    /** Checksum as shown to users: the hex digest or "not published". */
    public String checksumLabel() {
        return sha256 == null ? "not published" : sha256;
    }

    static String checkRelative(String p, String what) {
        Objects.requireNonNull(p, what);
        if (p.isBlank() || p.startsWith("/") || p.contains("\\") || p.contains(":")
                || p.equals("..") || p.startsWith("../") || p.contains("/../") || p.endsWith("/..")
                || p.contains("//") || p.endsWith("/")) {
            throw new IllegalArgumentException(what + " '" + p + "' must be a relative path without '..'");
        }
        return p;
    }
}
