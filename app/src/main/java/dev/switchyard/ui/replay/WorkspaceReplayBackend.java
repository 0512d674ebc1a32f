package dev.switchyard.ui.replay;

import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.replay.Prepared;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.ReplayJob;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.dataset.DatasetService;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.export.ReplayExports;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.RunQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The replay screen's backend over one workspace: the replay core's services, unchanged. */
public final class WorkspaceReplayBackend implements ReplayBackend {

    /** Turns a stored policy version into something the replay engine can route with. */
    @FunctionalInterface
    public interface PolicyAdapter {
        ReplayPolicy adapt(Workspace workspace, PolicyVersion version, String label);
    }

    private final Workspace workspace;
    private final ReplayService replays;
    private final DatasetService datasets;
    private final PolicyAdapter adapter;

    public WorkspaceReplayBackend(Workspace workspace, ReplayService replays, PolicyAdapter adapter) {
        this.workspace = workspace;
        this.replays = replays;
        this.datasets = new DatasetService(workspace);
        this.adapter = adapter;
    }

    @Override
    public List<Dataset> datasets() {
        List<Dataset> all = new ArrayList<>(workspace.datasets().list());
        all.sort(Comparator.comparing(Dataset::id).reversed());
        return all;
    }

    @Override
    public java.util.Map<Long, Long> itemCounts() {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Dataset d : workspace.datasets().list()) {
            counts.put(d.id(), workspace.datasets().itemCount(d.id()));
        }
        return counts;
    }

    @Override
    public DatasetService.Imported importFile(Path file) {
        return datasets.importFile(file, null);
    }

    @Override
    public DatasetService.Imported fromHistory(String name) {
        return datasets.fromHistory(name, RunQuery.latest().statuses(java.util.Set.of(dev.switchyard.workspace.model.RunStatus.COMPLETED)).page(0, 1000), true);
    }

    @Override
    public DatasetService.Imported fromComparison(String name, long comparisonId) {
        return datasets.fromComparison(name, comparisonId);
    }

    @Override
    public List<DatasetItem> items(long datasetId) {
        return datasets.items(datasetId);
    }

    @Override
    public DatasetItem updateItem(DatasetItem item) {
        return datasets.updateItem(item);
    }

    @Override
    public List<PolicyChoice> policies() {
        List<PolicyChoice> out = new ArrayList<>();
        for (var p : workspace.policies().list()) {
            for (PolicyVersion v : workspace.policies().versions(p.id())) {
                out.add(new PolicyChoice(v.id(), p.name() + " v" + v.version()));
            }
        }
        out.sort(Comparator.comparing(PolicyChoice::label));
        return out;
    }

    private ReplayPolicy policy(long versionId) {
        PolicyVersion v = workspace.policies().getVersion(versionId).orElseThrow(() -> new ReplayException(
                ReplayException.Kind.NOT_FOUND, "There is no policy version " + versionId + " in this workspace."));
        String name = workspace.policies().get(v.policyId()).map(p -> p.name()).orElse("policy");
        return adapter.adapt(workspace, v, name + " v" + v.version());
    }

    @Override
    public Prepared prepare(long policyVersionId, long datasetId, Sourcing sourcing) {
        return replays.prepare(policy(policyVersionId), datasetId, ReplayOptions.defaults().withSourcing(sourcing));
    }

    @Override
    public Prepared prepareResume(long replayId) {
        Replay r = workspace.replays().get(replayId).orElseThrow(() -> new ReplayException(
                ReplayException.Kind.NOT_FOUND, "There is no replay " + replayId + " in this workspace."));
        return replays.prepareResume(replayId, policy(r.policyVersionId()), ReplayOptions.defaults());
    }

    @Override
    public List<ReplayService.Blocked> blocked(Prepared prepared) {
        return replays.blocked(prepared);
    }

    @Override
    public ReplayJob start(Prepared prepared, boolean confirmed, ReplayListener listener) {
        return replays.start(prepared, confirmed, listener);
    }

    @Override
    public ReplayJob start(Prepared prepared, List<ReplayService.Blocked> blocked, boolean confirmed,
                           ReplayListener listener) {
        return replays.start(prepared, confirmed, listener, blocked);
    }

    @Override
    public List<ReplayRow> replays() {
        List<ReplayRow> rows = new ArrayList<>();
        for (Replay r : replays.list()) {
            String label = workspace.policies().getVersion(r.policyVersionId())
                    .map(v -> workspace.policies().get(v.policyId()).map(p -> p.name()).orElse("policy") + " v"
                            + v.version()).orElse("policy");
            String ds = workspace.datasets().get(r.datasetId()).map(Dataset::name).orElse("dataset " + r.datasetId());
            rows.add(new ReplayRow(r, label, ds));
        }
        rows.sort(Comparator.comparing((ReplayRow x) -> x.replay().id()).reversed());
        return rows;
    }

    @Override
    public ReplayResult open(long replayId) {
        return replays.open(replayId);
    }

    @Override
    public java.util.Map<Long, String> runErrors(java.util.Collection<Long> runIds) {
        java.util.Map<Long, String> errors = new java.util.HashMap<>();
        workspace.runs().getAll(runIds).forEach((id, run) -> {
            if (run.error() != null && run.error().message() != null && !run.error().message().isBlank()) {
                errors.put(id, run.error().message());
            }
        });
        return errors;
    }

    @Override
    public void export(ReplayResult result, ExportFormat format, Path file) {
        // a JSON report gives each answer refused for a local model's files its cli_fix, as the command line's does
        ReplayExports.write(result, ReplayExports.Format.valueOf(format.name()), file, CliFix.forRunId(workspace));
    }
}
