package dev.switchyard.cloud.internal;

/** What a protocol parser reports while reading a response. */
public interface RunSink {

    void token(String text, long nanos);

    void reasoning(String text, long nanos);

    void model(String name);

    void finishReason(String reason);

    /** The provider signalled the end of the stream ([DONE], message_stop). */
    void end();

    UsageParts usage();
}
