package dev.switchyard.ui.compare;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.routing.AutoRoutes;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One model the user can pick: its name, provider, kind, whether it can run now (and if not, why and what
 * fixes it), and whether it is picked. A saved routing policy is picked the same way, as "Auto: &lt;policy&gt;":
 * it can run when it has no validation problem in this workspace.
 */
public final class ModelChoice {

    /** What the fix of an unavailable model asks for. */
    public enum Fix { NONE, OPEN_MODELS, OPEN_ROUTING, TEXT }

    /** Label of the routed choices' kind. */
    public static final String AUTO = "Auto";

    private final Model model;
    private final AutoRoutes.Choice policy;
    private final String provider;
    private final Availability availability;
    private final BooleanProperty selected = new SimpleBooleanProperty();

    /**
     * A model with whether it can run now. Its time limits are not kept here: a run reads them from the engine built
     * for it when it starts, and stores them with the run (so limits changed after the picker was filled count).
     */
    public ModelChoice(Model model, String provider, Availability availability) {
        this(model, null, provider, availability);
    }

    private ModelChoice(Model model, AutoRoutes.Choice policy, String provider, Availability availability) {
        this.model = model;
        this.policy = policy;
        this.provider = provider;
        this.availability = availability;
    }

    /**
     * "Auto: &lt;policy&gt;": ready when the policy validates against the workspace. A policy whose only lack is a
     * model for its roles (a new workspace with the shipped policy and no cloud model yet) says which kind of model
     * to add, and is fixed on the Models screen; any other problem is fixed in Routing.
     */
    public static ModelChoice of(AutoRoutes.Choice policy) {
        Availability a;
        if (policy.canRun()) {
            a = Availability.READY;
        } else if (policy.problems().isEmpty()) {
            a = Availability.notReady("Needs " + needs(policy.unfilledRoles()) + " for " + String.join(" and ",
                    policy.unfilledRoles()) + ".", "Add one on the Models screen.");
        } else {
            int n = policy.problems().size();
            a = Availability.notReady("The policy has " + (n == 1 ? "a problem" : n + " problems") + ": "
                    + policy.problems().get(0).message(), "Open it in Routing to fix it.");
        }
        return new ModelChoice(null, policy, "Routing policy v" + policy.version(), a);
    }

    /** "a cloud model", "a local model", "a cloud model and a local model"… for the roles given. */
    private static String needs(java.util.List<String> roles) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        if (roles.stream().anyMatch(r -> r.startsWith("$cloud"))) {
            kinds.add("a cloud model");
        }
        if (roles.contains("$local-generative")) {
            kinds.add("a local generative model");
        }
        if (roles.contains("$local-intent")) {
            kinds.add("an intent model");
        }
        return String.join(" and ", kinds);
    }

    /**
     * The part of the Models screen that fixes this choice: "local/&lt;model id&gt;" for a local model (its row, with what
     * fixes its files), "local" for a policy's local role, "cloud/&lt;provider id&gt;" for a cloud model (its provider's
     * page: its key), "cloud" for a policy lacking cloud models.
     */
    public String fixTab() {
        boolean local = model != null ? model.kind() != ModelKind.CLOUD
                : policy.unfilledRoles().stream().noneMatch(r -> r.startsWith("$cloud"));
        if (local) {
            return model != null && model.kind() == ModelKind.LOCAL_GENERATIVE ? "local/" + model.id() : "local";
        }
        return model != null ? "cloud/" + model.providerId() : "cloud";
    }

    /** The model; null for "Auto: &lt;policy&gt;". */
    public Model model() { return model; }
    /** The policy of "Auto: &lt;policy&gt;"; null for a model. */
    public AutoRoutes.Choice policy() { return policy; }
    /** Identity across reloads: the model's id or the policy's name. */
    public String key() { return model != null ? "model:" + model.id() : "policy:" + policy.policy(); }
    /**
     * What node ids use: the model's API id, or "auto-&lt;policy&gt;", with every character a CSS id selector cannot
     * hold as is (':' '/' '.' — "llama3.2:1b", "openai/gpt-4o-mini") written '-', so that {@code #pick-…} finds it.
     */
    public String idSuffix() {
        return safeId(model != null ? model.apiModelId() : "auto-" + policy.policy());
    }

    /** {@code text} as part of a node id: every character a CSS id selector cannot hold written '-'. */
    public static String safeId(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "-");
    }
    /** The kind badge's style suffix. */
    public String kindCode() { return model != null ? model.kind().code() : "auto"; }
    public String name() { return model != null ? model.displayName() : AUTO + ": " + policy.policy(); }
    public String provider() { return provider; }
    public Availability availability() { return availability; }
    public boolean ready() { return availability.ready(); }
    public BooleanProperty selectedProperty() { return selected; }
    public boolean isSelected() { return selected.get(); }

    /** "Cloud", "Local", "Local intent", "Auto". */
    public String kindLabel() {
        return model != null ? kindLabel(model.kind()) : AUTO;
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
        if (model == null) {
            return policy.problems().isEmpty() ? Fix.OPEN_MODELS : Fix.OPEN_ROUTING;
        }
        String f = availability.fix() == null ? "" : availability.fix().toLowerCase(Locale.ROOT);
        boolean onModelsScreen = f.contains("models and providers") || f.contains("models screen")
                || f.contains("download") || f.contains("keyring") || model.kind() != ModelKind.CLOUD;
        return onModelsScreen ? Fix.OPEN_MODELS : Fix.TEXT;
    }
}
