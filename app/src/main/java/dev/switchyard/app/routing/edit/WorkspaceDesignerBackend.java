package dev.switchyard.app.routing.edit;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.RouteRequest;
import dev.switchyard.app.routing.Router;
import dev.switchyard.app.routing.TargetResolver;
import dev.switchyard.app.routing.WorkspaceRouting;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunQuery;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The designer's backend over an open workspace. Thread-safe enough for one designer: calls arrive from a task pool. */
public final class WorkspaceDesignerBackend implements DesignerBackend {

    private final AppContext app;
    private final Workspace workspace;
    private final WorkspaceRouting routing;
    private final Router router;
    private final PolicyStore store;

    public WorkspaceDesignerBackend(AppContext app, Workspace workspace) {
        this.app = app;
        this.workspace = workspace;
        this.routing = new WorkspaceRouting(app, workspace, NetworkState.ONLINE);
        this.router = routing.router();
        this.store = new PolicyStore(workspace);
    }

    @Override
    public List<Problem> validate(Policy policy) {
        return routing.validator().validate(policy);
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
        List<String> out = new ArrayList<>(TargetResolver.ROLES);
        var directory = app.directory(workspace);
        for (var m : dev.switchyard.app.models.RemovedModels.inUse(workspace.models().list())) {
            // local models by their short id (intent:smart-home), as templates name them; cloud ones as provider/model
            String name = m.kind() != dev.switchyard.workspace.model.ModelKind.CLOUD && m.apiModelId() != null
                    && routing.targets().problem(m.apiModelId()) == null ? m.apiModelId() : directory.qualifiedName(m);
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    @Override
    public List<String> intentSets() {
        return workspace.intentSets().list().stream().map(s -> s.name()).toList();
    }

    @Override
    public List<String> recentPrompts(int limit) {
        Set<String> out = new LinkedHashSet<>();
        for (Run r : workspace.runs().page(RunQuery.latest()).items()) {
            if (!r.promptText().isBlank()) {
                out.add(r.promptText());
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<String> datasets() {
        return workspace.datasets().list().stream().map(Dataset::name).toList();
    }

    @Override
    public List<String> datasetPrompts(String dataset) {
        return workspace.datasets().list().stream().filter(d -> d.name().equals(dataset)).findFirst()
                .map(d -> workspace.datasets().items(d.id()).stream().map(DatasetItem::prompt).toList())
                .orElse(List.of());
    }

    @Override
    public String defaultPolicy() {
        return workspace.settings().get(SettingsRepository.DEFAULT_POLICY).orElse(null);
    }
}
