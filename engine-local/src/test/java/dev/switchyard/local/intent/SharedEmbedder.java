package dev.switchyard.local.intent;

/** One embedder for all intent tests in the JVM, so the model loads once. */
final class SharedEmbedder {

    private static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();

    private SharedEmbedder() {
    }

    static MiniLmEmbedder get() {
        return INSTANCE;
    }
}
