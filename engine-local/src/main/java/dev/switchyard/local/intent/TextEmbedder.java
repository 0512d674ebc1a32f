package dev.switchyard.local.intent;

/**
 * Turns text into a fixed-size, L2-normalised sentence vector. Implementations are thread-safe.
 * The intent model depends on this interface only, so tests and other embedders can stand in.
 */
public interface TextEmbedder {

    /** Number of dimensions of every vector returned by {@link #embed(String)}. */
    int dimensions();

    /** The L2-normalised embedding of {@code text} (loads the model on first use). */
    float[] embed(String text);

    /** Number of tokens the embedder's tokenizer produces for {@code text}, special tokens included. */
    int countTokens(String text);

    /** Milliseconds the model took to load, or -1 when it is not loaded yet. */
    long loadMillis();

    /** Loads the model now if it is not loaded yet; returns the milliseconds spent here (0 when warm). */
    long ensureLoaded();
}
