package dev.switchyard.app.routing;

import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.RemovedModels;
import dev.switchyard.app.models.UnknownModelException;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a policy target into a workspace model: a model reference as {@link ModelDirectory#resolve}
 * accepts it, or a role placeholder. Roles, in this order of resolution:
 * <ol>
 *   <li>the setting {@code routing.role.<role>} (e.g. {@code routing.role.cloud-cheap = OpenAI/gpt-4o-mini})
 *       when present;</li>
 *   <li>{@code $local-intent}: the first intent model (by creation);
 *       {@code $local-generative}: the first local generative model;</li>
 *   <li>{@code $cloud-cheap} / {@code $cloud-strong}: the cloud model with the lowest / highest price in force
 *       (input + output per 1M tokens); unpriced cloud models only when none has a price (then the first /
 *       last added).</li>
 * </ol>
 */
public final class TargetResolver {

    /** The role placeholders templates use. */
    public static final List<String> ROLES = List.of("$local-intent", "$local-generative", "$cloud-cheap", "$cloud-strong");
    /** Settings key prefix that pins a role to a model: {@code routing.role.cloud-cheap}. */
    public static final String ROLE_SETTING = "routing.role.";

    private final Workspace workspace;
    private final ModelDirectory directory;
    private final Clock clock;

    public TargetResolver(Workspace workspace, ModelDirectory directory, Clock clock) {
        this.workspace = workspace;
        this.directory = directory;
        this.clock = clock;
    }

    /** The model of a target; {@link RoutingException.Kind#UNKNOWN_TARGET} with a helpful sentence otherwise. */
    public Model resolve(String target) {
        if (target == null || target.isBlank()) {
            throw unknown("The target is empty; name a model or a role such as $cloud-cheap.");
        }
        if (target.startsWith("$")) {
            return role(target);
        }
        try {
            return directory.resolve(target);
        } catch (UnknownModelException e) {
            throw unknown(e.getMessage());
        }
    }

    /** Null when the target resolves, else why not. */
    public String problem(String target) {
        try {
            resolve(target);
            return null;
        } catch (RoutingException e) {
            return e.getMessage();
        }
    }

    /** The display form of a resolved target: provider/model. */
    public String describe(Model m) {
        return directory.qualifiedName(m);
    }

    private Model role(String role) {
        String name = role.substring(1);
        Optional<String> pinned = workspace.settings().get(ROLE_SETTING + name);
        if (pinned.isPresent()) {
            try {
                return directory.resolve(pinned.get());
            } catch (UnknownModelException e) {
                throw unknown("The setting " + ROLE_SETTING + name + " names '" + pinned.get() + "', which is not a model "
                        + "of this workspace.");
            }
        }
        if (!ROLES.contains(role)) {
            throw unknown("Unknown role '" + role + "'; roles are " + String.join(", ", ROLES) + ".");
        }
        return byRole(role).orElseThrow(() -> unknown("No model for the role " + role + ": " + hint(role)
                + " Or pin one with the setting " + ROLE_SETTING + name + "."));
    }

    /**
     * The roles among {@code targets} that nothing fills: no model of the kind the role asks for, and no setting
     * pinning it (a pin to a missing model is a broken target, not an unfilled role). In the order given, once each.
     */
    public List<String> unfilledRoles(java.util.Collection<String> targets) {
        return targets.stream().filter(t -> t != null && ROLES.contains(t)).distinct()
                .filter(r -> workspace.settings().get(ROLE_SETTING + r.substring(1)).isEmpty() && byRole(r).isEmpty())
                .toList();
    }

    private Optional<Model> byRole(String role) {
        List<Model> models = RemovedModels.inUse(workspace.models().list()); // a role never picks a removed model
        return switch (role) {
            case "$local-intent" -> first(models, ModelKind.LOCAL_INTENT);
            case "$local-generative" -> first(models, ModelKind.LOCAL_GENERATIVE);
            case "$cloud-cheap" -> byPrice(models, false);
            default -> byPrice(models, true);
        };
    }

    private static String hint(String role) {
        return switch (role) {
            case "$local-intent" -> "the workspace has no intent model (open it once with this version to get the demo sets).";
            case "$local-generative" -> "add a local model on the Models screen (or 'switchyard models import <dir>').";
            default -> "add a cloud provider and model on the Models screen (or 'switchyard models add').";
        };
    }

    private static Optional<Model> first(List<Model> models, ModelKind kind) {
        return models.stream().filter(m -> m.kind() == kind).min(Comparator.comparingLong(Model::id));
    }

    private Optional<Model> byPrice(List<Model> models, boolean highest) {
        List<Model> cloud = models.stream().filter(m -> m.kind() == ModelKind.CLOUD)
                .sorted(Comparator.comparingLong(Model::id)).toList();
        LocalDate today = LocalDate.now(clock);
        Comparator<Model> byPrice = Comparator.comparing(m -> price(m, today));
        List<Model> priced = cloud.stream().filter(m -> workspace.prices().inForce(m.id(), today).isPresent()).toList();
        if (priced.isEmpty()) {
            return cloud.isEmpty() ? Optional.empty() : Optional.of(highest ? cloud.get(cloud.size() - 1) : cloud.get(0));
        }
        return highest ? priced.stream().max(byPrice) : priced.stream().min(byPrice);
    }

    private BigDecimal price(Model m, LocalDate today) {
        Optional<PriceRow> p = workspace.prices().inForce(m.id(), today);
        return p.map(r -> r.inputPerMTok().add(r.outputPerMTok())).orElse(BigDecimal.ZERO);
    }

    private static RoutingException unknown(String message) {
        return new RoutingException(RoutingException.Kind.UNKNOWN_TARGET, message);
    }
}
