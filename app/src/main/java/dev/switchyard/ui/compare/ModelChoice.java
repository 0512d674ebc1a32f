package dev.switchyard.ui.compare;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One model the user can pick: its name, provider, kind, whether it can run now (and if not, why and what
 * fixes it), and whether it is picked.
 */
public final class ModelChoice {

    /** What the fix of an unavailable model asks for. */
    public enum Fix { NONE, OPEN_MODELS, TEXT }

    private final Model model;
    private final String provider;
    private final Availability availability;
    private final BooleanProperty selected = new SimpleBooleanProperty();

    public ModelChoice(Model model, String provider, Availability availability) {
        this.model = model;
        this.provider = provider;
        this.availability = availability;
    }

    public Model model() { return model; }
    public String name() { return model.displayName(); }
    public String provider() { return provider; }
    public Availability availability() { return availability; }
    public boolean ready() { return availability.ready(); }
    public BooleanProperty selectedProperty() { return selected; }
    public boolean isSelected() { return selected.get(); }

    /** "Cloud", "Local", "Local intent". */
    public String kindLabel() {
        return kindLabel(model.kind());
    }

    public static String kindLabel(ModelKind kind) {
        return switch (kind) {
            case CLOUD -> "Cloud";
            case LOCAL_GENERATIVE -> "Local";
            case LOCAL_INTENT -> "Local intent";
        };
    }

    /**
     * The fix as an action: the Models screen when the fix is done there (keys, downloads, local models),
     * otherwise the fix sentence to follow (for example "Set OPENAI_API_KEY…").
     */
    public Fix fix() {
        if (availability.ready()) {
            return Fix.NONE;
        }
        String f = availability.fix() == null ? "" : availability.fix().toLowerCase(Locale.ROOT);
        boolean onModelsScreen = f.contains("models and providers") || f.contains("models screen")
                || f.contains("download") || f.contains("keyring") || model.kind() != ModelKind.CLOUD;
        return onModelsScreen ? Fix.OPEN_MODELS : Fix.TEXT;
    }
}
