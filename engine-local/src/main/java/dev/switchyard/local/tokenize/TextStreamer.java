package dev.switchyard.local.tokenize;

/** Turns generated token ids into text, whole characters at a time. One instance per run. */
public interface TextStreamer {
    /** Adds one token; returns the newly completed text, possibly "". */
    String push(long id);

    /** Returns any text still held at the end of the run. */
    String flush();
}
