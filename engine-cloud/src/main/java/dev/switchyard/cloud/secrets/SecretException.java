package dev.switchyard.cloud.secrets;

/** A key could not be read or stored; the message is a user sentence and never holds a secret. */
public final class SecretException extends RuntimeException {

    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
