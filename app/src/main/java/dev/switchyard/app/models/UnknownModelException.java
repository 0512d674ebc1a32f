package dev.switchyard.app.models;

/** A model reference that names no model, or several; the message lists what is known. */
public final class UnknownModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownModelException(String message) {
        super(message);
    }
}
