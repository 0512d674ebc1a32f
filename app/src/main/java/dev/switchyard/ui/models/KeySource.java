package dev.switchyard.ui.models;

/** Where the user wants a provider's key to live. */
public enum KeySource {
    KEYRING("Store the key in the OS keyring"),
    SESSION("Keep the key for this app run only"),
    ENVIRONMENT("Read it from an environment variable"),
    NONE("No key (local server or open gateway)");

    private final String label;

    KeySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
