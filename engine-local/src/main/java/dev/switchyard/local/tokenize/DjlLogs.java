package dev.switchyard.local.tokenize;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps DJL's start-up chatter off the user's console: loading the native tokenizers library logs which platform
 * it found (INFO) and that no CUDA GPU is usable (WARNING: "Failed to detect GPU count"), neither of which is a
 * problem for a CPU tool. Its errors still show.
 */
public final class DjlLogs {
    /** Held so that java.util.logging does not collect the logger and forget its level. */
    private static final Logger DJL = Logger.getLogger("ai.djl");

    static {
        DJL.setLevel(Level.SEVERE);
    }

    private DjlLogs() {
    }

    /** Applies the level (once; later calls do nothing). Call before the first DJL tokenizer is created. */
    public static void quiet() {
        // the static initializer did it
    }
}
