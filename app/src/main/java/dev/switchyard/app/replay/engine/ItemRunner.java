package dev.switchyard.app.replay.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.replay.grade.Grader;
import dev.switchyard.app.replay.grade.GraderSpec;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ReplayItemStatus;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one item: follows the plan, fetching each step's answer (stored run or live call per the sourcing),
 * then the other targets' answers when baselines are on, grades every answer, and follows the plan again over
 * the graded answers.
 */
public final class ItemRunner {

    private final Map<Long, Model> targets;
    private final CachedRuns cached;
    private final LiveCaller live;
    private final ReplayOptions options;
    private final String paramsJson;
    private final long policyVersionId;

    /** {@code runs} and {@code engines} make the live calls (null for a replay that never calls). */
    public ItemRunner(List<Model> targets, CachedRuns cached, RunService runs,
                      java.util.function.Function<Model, dev.switchyard.app.engine.ModelEngine> engines,
                      ReplayOptions options, long policyVersionId) {
        this.targets = new LinkedHashMap<>();
        targets.forEach(m -> this.targets.put(m.id(), m));
        this.cached = cached;
        this.live = runs == null || options.sourcing() == Sourcing.CACHED_ONLY ? null
                : new LiveCaller(runs, engines, options.perProviderLimit());
        this.options = options;
        this.paramsJson = RunService.parametersJson(options.params());
        this.policyVersionId = policyVersionId;
    }

    /** Cancels the calls in flight; items not finished throw CancellationException. */
    public void cancel() {
        if (live != null) {
            live.cancel();
        }
    }

    public ItemOutcome run(DatasetItem item, RoutePlan plan) throws InterruptedException {
        EngineRequest request = ItemRequest.of(item, options.params());
        Map<Long, Cell> cells = new LinkedHashMap<>();
        RouteExecutor.follow(plan.steps(), m -> cells.computeIfAbsent(m, id -> fetch(id, request, plan, "route")));
        if (options.baselines()) {
            for (Long m : targets.keySet()) {
                cells.computeIfAbsent(m, id -> fetch(id, request, plan, "baseline"));
            }
        }
        if (live != null && live.cancelled()) {
            throw new java.util.concurrent.CancellationException("replay cancelled");
        }
        GraderSpec spec = GraderSpec.fromTags(item.tagsJson(), item.referenceAnswer());
        Map<Long, Cell> graded = new LinkedHashMap<>();
        for (Long m : targets.keySet()) {
            Cell c = cells.get(m);
            if (c != null) {
                graded.put(m, c.source() == Cell.Source.MISSING ? c : c.withGrade(options.graders().grade(
                        new Grader.GradeInput(request.user(), c.answer(), item.referenceAnswer(), spec, c.runId()))));
            }
        }
        RouteExecutor.Route route = RouteExecutor.follow(plan.steps(),
                m -> graded.getOrDefault(m, Cell.missing(m, "not a target of the policy")));
        Cell last = route.finalCell();
        ReplayItemStatus status = last.source() == Cell.Source.MISSING ? ReplayItemStatus.SKIPPED
                : last.status() == RunStatus.COMPLETED ? ReplayItemStatus.DONE : ReplayItemStatus.FAILED;
        return new ItemOutcome(item, plan.decisionJson(), plan.steps(), plan.fork(), route, graded, status);
    }

    private Cell fetch(long modelId, EngineRequest request, RoutePlan plan, String why) {
        Model model = targets.get(modelId);
        if (model == null) {
            return Cell.missing(modelId, "model " + modelId + " is not in the workspace");
        }
        if (options.sourcing() != Sourcing.LIVE) {
            var stored = cached.find(modelId, request.promptText(), paramsJson);
            if (stored.isPresent()) {
                return CellFactory.fromRun(stored.get(), Cell.Source.CACHED, null);
            }
            if (options.sourcing() == Sourcing.CACHED_ONLY || live == null) {
                return Cell.missing(modelId, "no stored run of this prompt on " + model.displayName());
            }
        }
        try {
            Run run = live.call(model, request, routeJson(plan, why));
            cached.add(run);
            return CellFactory.fromRun(run, Cell.Source.LIVE, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("replay interrupted");
        }
    }

    private String routeJson(RoutePlan plan, String why) {
        ObjectNode n = ItemCodec.JSON.createObjectNode().put("replayPolicyVersionId", policyVersionId).put("purpose", why);
        n.set("decision", ItemCodec.parse(plan.decisionJson()));
        return n.toString();
    }
}
