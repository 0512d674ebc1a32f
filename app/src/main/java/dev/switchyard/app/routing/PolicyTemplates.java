package dev.switchyard.app.routing;

import dev.switchyard.app.models.Assets;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shipped policy templates ({@code assets/routing/templates/<name>.json}): the hybrid patterns teams
 * start from. Their targets are role placeholders ({@link TargetResolver}), resolved against the workspace
 * when the policy is validated or used, so a template keeps working as models are added.
 */
public final class PolicyTemplates {

    /** Template names, in the order shown. */
    public static final List<String> NAMES = List.of("tiered", "offline-fallback", "cascade", "specialist-split",
            "cost-cap", "latency-guard");
    /** The template a workspace gets as its default policy. */
    public static final String DEFAULT = "tiered";

    private PolicyTemplates() {
    }

    /** The template's JSON text. */
    public static String json(String name) {
        if (!NAMES.contains(name)) {
            throw new RoutingException(RoutingException.Kind.UNKNOWN_POLICY, "No template '" + name + "'; templates: "
                    + String.join(", ", NAMES) + ".");
        }
        try (InputStream in = Assets.open("routing/templates/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the template " + name, e);
        }
    }

    public static Policy load(String name) {
        return PolicyJson.read(json(name));
    }

    /**
     * Gives a workspace without policies the default template as its default policy (setting
     * {@code routing.defaultPolicy}). Does nothing once the setting exists or any policy was saved.
     */
    public static void ensureDefault(Workspace workspace) {
        if (workspace.settings().get(SettingsRepository.DEFAULT_POLICY).isPresent() || !workspace.policies().list().isEmpty()) {
            return;
        }
        new PolicyStore(workspace).save(DEFAULT, load(DEFAULT), "from the " + DEFAULT + " template");
        workspace.settings().put(SettingsRepository.DEFAULT_POLICY, DEFAULT);
    }
}
