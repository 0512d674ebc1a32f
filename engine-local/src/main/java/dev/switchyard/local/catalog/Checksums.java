package dev.switchyard.local.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** SHA-256 of files, streamed in 1 MiB blocks. */
public final class Checksums {

    private Checksums() {
    }

    /** Lower-case hex SHA-256 of {@code file}. */
    public static String sha256(Path file) throws IOException {
        return sha256(file, () -> false);
    }

    /** Lower-case hex SHA-256 of {@code file}; throws {@link CancellationException} when {@code cancelled} turns true. */
    public static String sha256(Path file, BooleanSupplier cancelled) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) != -1) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("checksum cancelled");
                }
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
