package dev.switchyard.ui.models;

import dev.switchyard.cloud.ApiKind;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.workspace.model.ProviderKind;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "add provider" form: a preset (or a custom OpenAI-compatible URL), a name and where the key lives
 * ({@link KeyForm}). Choosing a preset fills name, URL and the conventional environment variable. A message stays
 * only while it is true. No {@code javafx.scene}.
 */
public final class ProviderForm {

    /** What the form produces once valid. */
    public record Draft(ProviderKind kind, String name, String baseUrl, String presetId, KeyForm.Choice key) {
    }

    private final ObservableList<ProviderPreset> presets = FXCollections.observableArrayList();
    private final ObjectProperty<ProviderPreset> preset = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final KeyForm keys = new KeyForm();
    private final StringProperty error = new SimpleStringProperty("");
    private Collection<String> existingNames = List.of();
    /** The name, base URL and variable as the preset filled them in: one typed otherwise is an unsaved edit. */
    private List<String> filled = List.of("", "", "");

    public ProviderForm(Collection<ProviderPreset> catalog) {
        presets.setAll(catalog);
        preset.addListener((obs, old, now) -> applyPreset(now));
        keys.keyringProperty().addListener((obs, old, now) -> applyPreset(preset.get()));
        KeyForm.clearWhenFixed(error, this::problem, name, baseUrl, preset);
        KeyForm.clearWhenFixed(error, this::problem, keys.fields());
    }

    public ObservableList<ProviderPreset> presets() { return presets; }

    public ObjectProperty<ProviderPreset> presetProperty() { return preset; }

    public StringProperty nameProperty() { return name; }

    public StringProperty baseUrlProperty() { return baseUrl; }

    /** Where the key goes. */
    public KeyForm keys() { return keys; }

    public StringProperty errorProperty() { return error; }

    /** True when the chosen preset is the custom endpoint (the base URL is the user's). */
    public boolean isCustom() {
        return preset.get() == null || preset.get().baseUrl() == null;
    }

    /** Starts over with the first preset. */
    public void reset() {
        keys.clearSecret();
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
        keys.envVarProperty().set(p.keyEnv() == null ? "" : p.keyEnv());
        keys.sourceProperty().set(!p.requiresKey() ? KeySource.NONE
                : keys.keyringDown() ? KeySource.ENVIRONMENT : KeySource.KEYRING);
        error.set("");
        filled = typed();
    }

    private List<String> typed() {
        return List.of(strip(name.get()), strip(baseUrl.get()), strip(keys.envVarProperty().get()));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * "the new provider Team gateway" (or "the provider being added" without a name) while something was typed in the
     * form — a name, base URL or variable other than the preset filled in, or a key — else null. Picking a preset alone
     * is no typing.
     */
    public String unsavedWork() {
        if (typed().equals(filled) && strip(keys.keyProperty().get()).isEmpty()) {
            return null;
        }
        String n = strip(name.get());
        return n.isEmpty() ? "the provider being added" : "the new provider " + n;
    }

    /** The draft, or null with {@link #errorProperty()} set to what to fix. */
    public Draft validate(Collection<String> existing) {
        existingNames = List.copyOf(existing);
        String problem = problem();
        error.set(problem == null ? "" : problem);
        if (problem != null) {
            return null;
        }
        ProviderPreset p = preset.get();
        ProviderKind kind = p != null && p.api() == ApiKind.ANTHROPIC ? ProviderKind.ANTHROPIC : ProviderKind.OPENAI_COMPATIBLE;
        return new Draft(kind, name.get().strip(), baseUrl.get().strip(), p == null || p.baseUrl() == null ? null : p.id(),
                keys.choice());
    }

    private String problem() {
        String n = name.get() == null ? "" : name.get().strip();
        String url = baseUrl.get() == null ? "" : baseUrl.get().strip();
        if (n.isEmpty()) {
            return "Give the provider a name.";
        }
        if (existingNames.stream().anyMatch(e -> e.equalsIgnoreCase(n))) {
            return "A provider named '" + n + "' exists already. To give it a key, pick it in the list and use "
                    + "Set key…; to add another one, choose another name.";
        }
        if (!isHttpUrl(url)) {
            return "The base URL must start with http:// or https:// and name a host, e.g. https://api.example.com/v1.";
        }
        return keys.problem();
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
}
