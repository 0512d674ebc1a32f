package dev.switchyard.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed tiny test model (engine-local's tiny-random-llama), and copies of it a test may damage. */
public final class TinyModel {

    public static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama")
            .toAbsolutePath().normalize();

    private TinyModel() {
    }

    /** A copy of the whole model folder at {@code to} (file times kept); returns {@code to}. */
    public static Path copy(Path to) throws Exception {
        try (var files = Files.walk(TINY)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(TINY.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
