package dev.switchyard.app.replay.engine;

import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Run;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest COMPLETED stored run per (model, prompt as sent, parameters JSON) for a replay's target models,
 * read in one pass over the runs table. A stored run is reused only when all three match exactly.
 */
public final class CachedRuns {

    private record Key(long modelId, String prompt, String params) {
    }

    private final Map<Key, Run> runs = new java.util.concurrent.ConcurrentHashMap<>();

    private CachedRuns() {
    }

    public static CachedRuns load(Workspace workspace, List<Model> models) {
        CachedRuns c = new CachedRuns();
        workspace.runs().forEachCompleted(models.stream().map(Model::id).toList(),
                r -> c.runs.put(new Key(r.modelId(), r.promptText(), r.parametersJson()), r));
        return c;
    }

    public static CachedRuns none() {
        return new CachedRuns();
    }

    public Optional<Run> find(long modelId, String promptText, String parametersJson) {
        return Optional.ofNullable(runs.get(new Key(modelId, promptText, parametersJson)));
    }

    /** Remembers a run made during this replay (a repeated prompt in the dataset reuses it). */
    void add(Run r) {
        runs.put(new Key(r.modelId(), r.promptText(), r.parametersJson()), r);
    }

    public int size() {
        return runs.size();
    }
}
