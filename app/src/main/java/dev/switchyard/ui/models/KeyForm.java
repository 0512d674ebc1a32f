package dev.switchyard.ui.models;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Where a provider's key goes, as the user fills it in: the OS keyring, this app run's memory (only with the
 * consent ticked, having been told why the keyring cannot be used), an environment variable, or none. The add
 * form and a provider's "Set key…" both use it. No {@code javafx.scene}.
 */
public final class KeyForm {

    /** What the form produces once valid; {@code key} is held only until it is stored. */
    public record Choice(KeySource source, String key, String envVar) {
        @Override
        public String toString() {
            return "Choice[" + source + (source == KeySource.ENVIRONMENT ? ", " + envVar : "") + "]";
        }
    }

    private final ObjectProperty<KeySource> source = new SimpleObjectProperty<>(KeySource.NONE);
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty envVar = new SimpleStringProperty("");
    private final BooleanProperty sessionConsent = new SimpleBooleanProperty(false);
    private final ObjectProperty<KeyVault.Status> keyring = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");

    public KeyForm() {
        clearWhenFixed(error, this::problem, fields());
    }

    public ObjectProperty<KeySource> sourceProperty() { return source; }

    public StringProperty keyProperty() { return key; }

    public StringProperty envVarProperty() { return envVar; }

    public BooleanProperty sessionConsentProperty() { return sessionConsent; }

    /** The keyring probe's answer; null while probing. */
    public ObjectProperty<KeyVault.Status> keyringProperty() { return keyring; }

    /** What to fix before the key can be stored ("" when nothing); cleared as soon as an edit fixes it. */
    public StringProperty errorProperty() { return error; }

    /** True when the keyring answered the probe and cannot be used. */
    public boolean keyringDown() {
        return keyring.get() != null && !keyring.get().keyringAvailable();
    }

    /** The fields an edit of which may fix a problem. */
    ObservableValue<?>[] fields() {
        return new ObservableValue<?>[] {source, key, envVar, sessionConsent, keyring};
    }

    /** Forgets the typed key and the consent (after storing, or on cancel). */
    public void clearSecret() {
        key.set("");
        sessionConsent.set(false);
        error.set("");
    }

    /** The first thing to fix, or null when the choice can be stored. */
    public String problem() {
        String k = key.get() == null ? "" : key.get().strip();
        KeyVault.Status ring = keyring.get();
        return switch (source.get()) {
            case KEYRING -> k.isEmpty() ? "Paste the API key."
                    : keyringDown() ? "The OS keyring is not available: " + ring.reason()
                    + " Keep the key for this app run only, or name an environment variable." : null;
            case SESSION -> k.isEmpty() ? "Paste the API key."
                    : !sessionConsent.get() ? "Tick the box to confirm the key is kept in memory for this app run only." : null;
            case ENVIRONMENT -> envVar.get() == null || !envVar.get().strip().matches("[A-Za-z_][A-Za-z0-9_]*")
                    ? "Name the environment variable that holds the key, e.g. OPENAI_API_KEY." : null;
            case NONE -> null;
        };
    }

    /** The choice, or null with {@link #errorProperty()} set to what to fix. */
    public Choice validate() {
        String p = problem();
        error.set(p == null ? "" : p);
        return p == null ? choice() : null;
    }

    /** The choice as filled in, without checking it. */
    Choice choice() {
        return new Choice(source.get(), key.get() == null ? "" : key.get().strip(),
                envVar.get() == null ? "" : envVar.get().strip());
    }

    /**
     * Clears {@code error} as soon as an edit of one of {@code fields} makes {@code check} stop answering the sentence
     * shown (a message stays only while it is still true; a new problem is shown on the next attempt).
     */
    static void clearWhenFixed(StringProperty error, Supplier<String> check, ObservableValue<?>... fields) {
        ChangeListener<Object> recheck = (o, old, now) -> {
            String shown = error.get();
            if (shown != null && !shown.isEmpty() && !shown.equals(check.get())) {
                error.set("");
            }
        };
        for (ObservableValue<?> f : fields) {
            f.addListener(recheck);
        }
    }
}
