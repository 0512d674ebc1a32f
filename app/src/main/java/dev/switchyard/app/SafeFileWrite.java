package dev.switchyard.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file the user chose (an export, a policy file) through a temporary file beside it, moved into place when
 * whole: a failed or interrupted write leaves an earlier file as it was, never half a file.
 */
public final class SafeFileWrite {

    /** What goes into the file; returns a count the caller reports (rows, bytes …). */
    public interface Body {
        long write(OutputStream out) throws IOException;
    }

    private SafeFileWrite() {
    }

    /** Writes {@code file} (creating its folder) with what {@code body} writes; returns what {@code body} returned. */
    public static long write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                n = body.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
