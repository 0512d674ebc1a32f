package dev.switchyard.app.replay;

import dev.switchyard.app.engine.Availability;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.replay.engine.CachedRuns;
import dev.switchyard.app.replay.engine.Estimator;
import dev.switchyard.app.replay.engine.ItemCodec;
import dev.switchyard.app.replay.engine.ItemOutcome;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.RoutePlan;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.app.run.RunService;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayItem;
import dev.switchyard.workspace.model.ReplayStatus;
import dev.switchyard.workspace.model.Run;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Replays a policy version over a dataset (the API the replay screen and the CLI use): prepare (decisions,
 * stored runs, estimate to confirm), start (progress, cancel), resume an interrupted replay without redoing
 * finished items, reopen a stored replay.
 */
public final class ReplayService {

    private final Workspace workspace;
    private final RunService runs;
    private final Function<Model, ModelEngine> engines;
    private final Clock clock;
    private final NetworkState network;

    public ReplayService(Workspace workspace, RunService runs, Function<Model, ModelEngine> engines, Clock clock) {
        this(workspace, runs, engines, clock, NetworkState.ONLINE);
    }

    /**
     * {@code network}: whether the machine is online now, for {@link #blocked} (the window's network monitor; the
     * command line's network interfaces). Routing decisions are made as if online whatever it says.
     */
    public ReplayService(Workspace workspace, RunService runs, Function<Model, ModelEngine> engines, Clock clock,
                         NetworkState network) {
        this.workspace = workspace;
        this.runs = runs;
        this.engines = engines;
        this.clock = clock;
        this.network = network;
    }

    public static ReplayService of(AppContext app, Workspace workspace) {
        return of(app, workspace, NetworkState.ONLINE);
    }

    public static ReplayService of(AppContext app, Workspace workspace, NetworkState network) {
        return new ReplayService(workspace, new RunService(workspace), app.engines(workspace)::forModel, app.clock(),
                network);
    }

    /** Decides every item and counts the calls and cost; nothing is called or stored yet. */
    public Prepared prepare(ReplayPolicy policy, long datasetId, ReplayOptions options) {
        Dataset dataset = workspace.datasets().get(datasetId).orElseThrow(() -> new ReplayException(
                ReplayException.Kind.NOT_FOUND, "There is no dataset " + datasetId + " in this workspace."));
        List<DatasetItem> items = workspace.datasets().items(datasetId);
        return prepare(policy, dataset, items, items, options, null, List.of());
    }

    /**
     * Prepares the rest of an interrupted (or cancelled) replay: items already finished are neither called nor
     * graded again. The policy must be the version the replay started with; sourcing, baselines and seed are
     * the stored ones.
     */
    public Prepared prepareResume(long replayId, ReplayPolicy policy, ReplayOptions options) {
        Replay replay = replay(replayId);
        if (replay.status() == ReplayStatus.COMPLETED) {
            throw new ReplayException(ReplayException.Kind.BAD_INPUT, "Replay " + replayId + " is already complete.");
        }
        if (replay.policyVersionId() != policy.versionId()) {
            throw new ReplayException(ReplayException.Kind.BAD_POLICY, "Replay " + replayId
                    + " was started with another policy version; resume it with the same version.");
        }
        ReplaySetup setup = ReplaySetup.fromSummary(replay.summaryJson());
        ReplayOptions o = new ReplayOptions(setup.sourcing(), setup.baselines(), options.params(), options.graders(),
                options.perProviderLimit(), setup.seed());
        Dataset dataset = workspace.datasets().get(replay.datasetId()).orElseThrow();
        List<DatasetItem> items = workspace.datasets().items(dataset.id());
        Set<Long> done = workspace.replays().finishedItemIds(replayId);
        List<DatasetItem> todo = items.stream().filter(i -> !done.contains(i.id())).toList();
        return prepare(policy, dataset, items, todo, o, replay, load(replay, items).stream()
                .filter(x -> done.contains(x.item().id())).toList());
    }

    private Prepared prepare(ReplayPolicy policy, Dataset dataset, List<DatasetItem> items, List<DatasetItem> todo,
                             ReplayOptions options, Replay existing, List<ItemOutcome> finished) {
        // decisions are independent (the router is thread-safe): made in parallel, kept in dataset order
        List<RoutePlan> decided = todo.parallelStream().map(i -> {
            try {
                return policy.plan(i);
            } catch (ReplayException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ReplayException(ReplayException.Kind.BAD_POLICY, "The policy could not decide item "
                        + (i.position() + 1) + ": " + e.getMessage());
            }
        }).toList();
        Map<DatasetItem, RoutePlan> plans = new LinkedHashMap<>();
        for (int k = 0; k < todo.size(); k++) {
            plans.put(todo.get(k), decided.get(k));
        }
        CachedRuns cached = options.sourcing() == Sourcing.LIVE ? CachedRuns.none()
                : CachedRuns.load(workspace, policy.targets());
        return new Prepared(policy, dataset, items, plans, cached, options, Estimator.estimate(workspace,
                policy.targets(), items, plans, cached, options, LocalDate.now(clock)), existing, finished);
    }

    /**
     * A model the replay would call live that cannot run now: why and what fixes it (the words Compare's model
     * picker shows), and how many of the planned calls go to it ({@code possible}: cascade/fallback escalations).
     */
    public record Blocked(String model, int calls, int possible, String reason, String fix) {
        /** "gpt-4o-mini (12 planned calls): No API key … Fix: …" */
        public String sentence() {
            String n = calls + " planned call" + (calls == 1 ? "" : "s")
                    + (possible > 0 ? " + up to " + possible + " escalation" + (possible == 1 ? "" : "s") : "");
            return model + " (" + n + "): " + reason + (fix == null || fix.isBlank() ? "" : " " + fix);
        }

        /** {@code [{"model", "calls", "possible", "reason", "fix"}]}: as {@code replay --json} and the exports write it. */
        public static com.fasterxml.jackson.databind.node.ArrayNode toJson(List<Blocked> blocked) {
            var a = ReplaySetup.JSON.createArrayNode();
            blocked.forEach(b -> a.addObject().put("model", b.model()).put("calls", b.calls())
                    .put("possible", b.possible()).put("reason", b.reason()).put("fix", b.fix()));
            return a;
        }

        /**
         * The models a stored replay was to call that could not run when it started ({@code setup.blocked} of its
         * summary JSON), empty when none or for a replay stored before they were kept.
         */
        public static List<Blocked> stored(String summaryJson) {
            List<Blocked> out = new ArrayList<>();
            try {
                var a = ReplaySetup.JSON.readTree(summaryJson == null ? "{}" : summaryJson).path("setup").path("blocked");
                a.forEach(b -> out.add(new Blocked(b.path("model").asText(), b.path("calls").asInt(),
                        b.path("possible").asInt(), b.path("reason").asText(), b.path("fix").isNull() ? null
                        : b.path("fix").asText())));
            } catch (Exception e) {
                return List.of(); // an unreadable summary says nothing of them
            }
            return out;
        }

        /** The warning shown with the estimate (Replay screen and {@code replay} command), or empty when none. */
        public static String warning(List<Blocked> blocked) {
            if (blocked.isEmpty()) {
                return "";
            }
            return (blocked.size() == 1 ? "1 model cannot run now; its" : blocked.size() + " models cannot run now; their")
                    + " calls will fail: " + String.join(" · ", blocked.stream().map(Blocked::sentence).toList());
        }
    }

    /**
     * The models {@code p} calls live that cannot run now (no key readable now, a local model whose files are
     * missing, a cloud model while the network is known to be down…), in the policy's order, then the LLM judge
     * when it grades and cannot run ("name (judge)"). Builds each model's
     * engine and may ask the OS keyring: call it off the FX thread. Empty when every model can run.
     */
    public List<Blocked> blocked(Prepared p) {
        Map<Long, int[]> calls = Estimator.liveCalls(p.policy().targets(), p.todo(),
                p.cached(), p.options());
        boolean online = network.online();
        List<Blocked> out = new java.util.ArrayList<>();
        for (Model m : p.policy().targets()) {
            int[] n = calls.get(m.id());
            if (n == null) {
                continue;
            }
            Availability a = Availability.of(m, workspace, engines, online);
            if (!a.ready()) {
                out.add(new Blocked(m.displayName(), n[0], n[1], a.reason(), a.fix()));
            }
        }
        // the LLM judge is called once per graded answer, cached answers too: its grades fail when it cannot run
        int judgeCalls = p.estimate().judgeCalls();
        var judge = p.options().graders().judge();
        if (judge.isPresent() && judgeCalls > 0) {
            Model jm = judge.get().judgeModel();
            Availability a = Availability.of(jm, workspace, engines, online);
            if (!a.ready()) {
                out.add(new Blocked(jm.displayName() + " (judge)", judgeCalls, 0, a.reason(), a.fix()));
            }
        }
        return out;
    }

    /**
     * Starts (or resumes) the replay on a background thread. When the estimate needs confirmation (cloud or judge
     * calls) and {@code confirmed} is false, nothing starts.
     */
    public ReplayJob start(Prepared p, boolean confirmed, ReplayListener listener) {
        return start(p, confirmed, listener, List.of());
    }

    /**
     * As above; {@code blocked} ({@link #blocked} of {@code p}, as the user was warned) is kept with the replay's
     * setup, so its JSON (the command's and the exports) says which models could not run when it started (a resumed
     * replay: when it was resumed).
     */
    public ReplayJob start(Prepared p, boolean confirmed, ReplayListener listener, List<Blocked> blocked) {
        if (p.estimate().needsConfirmation() && !confirmed) {
            throw new ReplayException(ReplayException.Kind.NOT_CONFIRMED, "This replay makes live calls ("
                    + p.estimate().sentence() + "); confirm to start it.");
        }
        Replay replay;
        if (p.existing() == null) {
            ReplaySetup setup = ReplaySetup.of(p.policy(), p.options());
            var summary = ReplaySetup.JSON.createObjectNode();
            var setupJson = setup.toJson();
            if (!blocked.isEmpty()) {
                setupJson.set("blocked", Blocked.toJson(blocked));
            }
            summary.set("setup", setupJson);
            replay = workspace.replays().insert(new Replay(0, null, p.policy().versionId(), p.dataset().id(),
                    p.options().sourcing().mode(), ReplayStatus.RUNNING, null, null, summary.toString()));
        } else {
            workspace.replays().setStatus(p.existing().id(), ReplayStatus.RUNNING);
            replay = replay(p.existing().id());
        }
        ReplayJob job = new ReplayJob(workspace, runs, engines, p, replay, listener == null ? ReplayListener.NONE
                : listener, blocked);
        job.begin();
        return job;
    }

    /** A stored replay with every outcome, to show again, compare or export. */
    public ReplayResult open(long replayId) {
        Replay replay = replay(replayId);
        List<DatasetItem> items = workspace.datasets().items(replay.datasetId());
        return result(replay, load(replay, items));
    }

    public List<Replay> list() {
        return workspace.replays().list();
    }

    ReplayResult result(Replay replay, List<ItemOutcome> outcomes) {
        ReplaySetup setup = ReplaySetup.fromSummary(replay.summaryJson());
        List<Model> targets = new ArrayList<>();
        for (Long id : setup.targetIds()) {
            workspace.models().get(id).ifPresent(targets::add);
        }
        return new ReplayResult(replay, setup.policyLabel(), targets, setup.threshold(), setup.sourcing(),
                setup.seed(), outcomes);
    }

    private List<ItemOutcome> load(Replay replay, List<DatasetItem> items) {
        List<ReplayItem> rows = workspace.replays().items(replay.id());
        List<Long> runIds = new ArrayList<>();
        rows.forEach(r -> runIds.addAll(r.runIds()));
        Map<Long, Run> runsById = workspace.runs().getAll(runIds);
        Map<Long, DatasetItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<ItemOutcome> out = new ArrayList<>(rows.size());
        for (ReplayItem r : rows) {
            DatasetItem item = byId.get(r.datasetItemId());
            if (item != null) {
                out.add(ItemCodec.fromRow(r, item, runsById));
            }
        }
        return out;
    }

    private Replay replay(long id) {
        return workspace.replays().get(id).orElseThrow(() -> new ReplayException(ReplayException.Kind.NOT_FOUND,
                "There is no replay " + id + " in this workspace."));
    }
}
