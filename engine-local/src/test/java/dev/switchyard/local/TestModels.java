package dev.switchyard.local;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed tiny random-weight model (nonsense output). */
public final class TestModels {
    private TestModels() {
    }

    public static Path tiny() {
        try {
            return Path.of(TestModels.class.getResource("/models/tiny-random-llama/config.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
