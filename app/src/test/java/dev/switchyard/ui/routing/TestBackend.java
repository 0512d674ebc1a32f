package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.ComplexityModel;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.PolicyValidator;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.RouteRequest;
import dev.switchyard.app.routing.Router;
import dev.switchyard.app.routing.RoutingServices;
import dev.switchyard.app.routing.ValidationContext;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.workspace.Workspace;
import java.util.List;

/** A designer backend over a real temporary workspace with fake routing services (no embedded model). */
final class TestBackend implements DesignerBackend {

    static final List<String> TARGETS = List.of("$cloud-cheap", "$cloud-strong", "local-llama");

    private final Workspace workspace;
    private final PolicyStore store;
    private final Router router;
    private final PolicyValidator validator;

    TestBackend(Workspace workspace) {
        this.workspace = workspace;
        this.store = new PolicyStore(workspace);
        RoutingServices services = new RoutingServices((model, text) -> text.length() / 4, (set, prompt) -> {
            throw new IllegalStateException("no intent model in this test");
        }, () -> {
            throw new IllegalStateException("no embedder in this test");
        }, NetworkState.ONLINE, () -> 0.0, ComplexityModel.shipped());
        this.router = new Router(services);
        this.validator = new PolicyValidator(new ValidationContext() {
            @Override
            public String targetProblem(String target) {
                return TARGETS.contains(target) ? null : "No model or role named '" + target + "' in this workspace.";
            }

            @Override
            public boolean intentSetExists(String name) {
                return name.equals("smart-home");
            }
        });
    }

    @Override
    public List<Problem> validate(Policy policy) {
        return validator.validate(policy);
    }

    @Override
    public Decision route(Policy policy, String prompt) {
        return router.decide(policy, RouteRequest.of(prompt));
    }

    @Override
    public PolicyStore store() {
        return store;
    }

    @Override
    public List<String> targets() {
        return TARGETS;
    }

    @Override
    public List<String> intentSets() {
        return List.of("smart-home");
    }

    @Override
    public List<String> recentPrompts(int limit) {
        return List.of("turn on the kitchen lights");
    }

    @Override
    public List<String> datasets() {
        return List.of("demo");
    }

    @Override
    public List<String> datasetPrompts(String dataset) {
        return List.of("write a haiku", "explain quicksort");
    }

    @Override
    public String defaultPolicy() {
        return workspace.settings().get(dev.switchyard.workspace.repo.SettingsRepository.DEFAULT_POLICY).orElse(null);
    }

    Workspace workspace() {
        return workspace;
    }
}
