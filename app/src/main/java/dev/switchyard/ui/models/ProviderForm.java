package dev.switchyard.ui.models;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.workspace.model.ProviderKind;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "add provider" form: a preset (or a custom OpenAI-compatible URL), a name and where the key lives.
 * Choosing a preset fills name, URL and the conventional environment variable. No {@code javafx.scene}.
 */
public final class ProviderForm {

    /** What the form produces once valid; {@code key} is held only until it is stored. */
    public record Draft(ProviderKind kind, String name, String baseUrl, String presetId, KeySource keySource,
                        String key, String envVar) {
        @Override
        public String toString() {
            return "Draft[" + name + ", " + baseUrl + ", " + keySource + "]";
        }
    }

    private final ObservableList<ProviderPreset> presets = FXCollections.observableArrayList();
    private final ObjectProperty<ProviderPreset> preset = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final ObjectProperty<KeySource> keySource = new SimpleObjectProperty<>(KeySource.NONE);
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty envVar = new SimpleStringProperty("");
    private final BooleanProperty sessionConsent = new SimpleBooleanProperty(false);
    private final ObjectProperty<KeyVault.Status> keyring = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");

    public ProviderForm(Collection<ProviderPreset> catalog) {
        presets.setAll(catalog);
        preset.addListener((obs, old, now) -> applyPreset(now));
        keyring.addListener((obs, old, now) -> applyPreset(preset.get()));
    }

    public ObservableList<ProviderPreset> presets() { return presets; }

    public ObjectProperty<ProviderPreset> presetProperty() { return preset; }

    public StringProperty nameProperty() { return name; }

    public StringProperty baseUrlProperty() { return baseUrl; }

    public ObjectProperty<KeySource> keySourceProperty() { return keySource; }

    public StringProperty keyProperty() { return key; }

    public StringProperty envVarProperty() { return envVar; }

    public BooleanProperty sessionConsentProperty() { return sessionConsent; }

    /** The keyring probe's answer; null while probing. */
    public ObjectProperty<KeyVault.Status> keyringProperty() { return keyring; }

    public StringProperty errorProperty() { return error; }

    /** True when the chosen preset is the custom endpoint (the base URL is the user's). */
    public boolean isCustom() {
        return preset.get() == null || preset.get().baseUrl() == null;
    }

    /** Starts over with the first preset. */
    public void reset() {
        key.set("");
        sessionConsent.set(false);
        error.set("");
        preset.set(null);
        preset.set(presets.isEmpty() ? null : presets.get(0));
    }

    private void applyPreset(ProviderPreset p) {
        if (p == null) {
            return;
        }
        name.set(p.baseUrl() == null ? "" : p.name());
        baseUrl.set(p.baseUrl() == null ? "" : p.baseUrl());
        envVar.set(p.keyEnv() == null ? "" : p.keyEnv());
        KeyVault.Status k = keyring.get();
        boolean keyringUp = k == null || k.keyringAvailable();
        keySource.set(!p.requiresKey() ? KeySource.NONE : keyringUp ? KeySource.KEYRING : KeySource.ENVIRONMENT);
        error.set("");
    }

    /** The draft, or null with {@link #errorProperty()} set to what to fix. */
    public Draft validate(Collection<String> existingNames) {
        String n = name.get() == null ? "" : name.get().strip();
        String url = baseUrl.get() == null ? "" : baseUrl.get().strip();
        String problem = null;
        if (n.isEmpty()) {
            problem = "Give the provider a name.";
        } else if (existingNames.stream().anyMatch(e -> e.equalsIgnoreCase(n))) {
            problem = "A provider named '" + n + "' exists already; choose another name.";
        } else if (!isHttpUrl(url)) {
            problem = "The base URL must start with http:// or https:// and name a host, e.g. https://api.example.com/v1.";
        } else {
            problem = keyProblem();
        }
        error.set(problem == null ? "" : problem);
        if (problem != null) {
            return null;
        }
        ProviderPreset p = preset.get();
        ProviderKind kind = p != null && p.api() == ApiKind.ANTHROPIC ? ProviderKind.ANTHROPIC : ProviderKind.OPENAI_COMPATIBLE;
        return new Draft(kind, n, url, p == null || p.baseUrl() == null ? null : p.id(), keySource.get(),
                key.get() == null ? "" : key.get().strip(), envVar.get() == null ? "" : envVar.get().strip());
    }

    private String keyProblem() {
        String k = key.get() == null ? "" : key.get().strip();
        KeyVault.Status ring = keyring.get();
        return switch (keySource.get()) {
            case KEYRING -> k.isEmpty() ? "Paste the API key."
                    : ring != null && !ring.keyringAvailable() ? "The OS keyring is not available: " + ring.reason()
                    + " Keep the key for this app run only, or name an environment variable." : null;
            case SESSION -> k.isEmpty() ? "Paste the API key."
                    : !sessionConsent.get() ? "Tick the box to confirm the key is kept in memory for this app run only." : null;
            case ENVIRONMENT -> envVar.get() == null || !envVar.get().strip().matches("[A-Za-z_][A-Za-z0-9_]*")
                    ? "Name the environment variable that holds the key, e.g. OPENAI_API_KEY." : null;
            case NONE -> null;
        };
    }

    static boolean isHttpUrl(String url) {
        try {
            URI u = URI.create(url);
            String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (s.equals("http") || s.equals("https")) && u.getHost() != null && !u.getHost().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A keyring entry name from a provider name: lower case, letters, digits and dashes. */
    public static String slug(String providerName) {
        String s = providerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "provider" : s;
    }
}
