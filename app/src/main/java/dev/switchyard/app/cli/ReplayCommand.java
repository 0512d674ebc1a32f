package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.replay.Prepared;
import dev.switchyard.app.replay.ReplayException;
import dev.switchyard.app.replay.ReplayGraders;
import dev.switchyard.app.replay.ReplayJob;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.dataset.DatasetService;
import dev.switchyard.app.replay.engine.ReplayEstimate;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.ReplayProgress;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.export.ReplayReport;
import dev.switchyard.app.replay.grade.GraderKind;
import dev.switchyard.app.replay.policy.ReplayPolicies;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Wording;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Dataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchyard replay}: a policy over a dataset, with the summary against baselines, and gates for CI
 * (exit code 1 when --min-pass-rate or --max-cost-per-1k is missed). Sub-commands export, compare and list
 * stored replays.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a routing policy over a dataset and compare it with baselines.",
        subcommands = {ReplayExportCommand.class, ReplayCompareCommand.class, ReplayListCommand.class})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    SwitchyardCli root;
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--policy", paramLabel = "<name|file>", description = "A saved policy, or a policy JSON file.")
    String policy;
    @Option(names = "--policy-version", paramLabel = "N", description = "Version of a saved policy (default: latest).")
    Integer policyVersion;
    @Option(names = "--dataset", paramLabel = "<name|file>", description = "A dataset (id or name) or a CSV/JSONL file.")
    String dataset;
    @Option(names = "--resume", paramLabel = "<replay id>", description = "Finish an interrupted replay.")
    Long resume;
    @ArgGroup(exclusive = true)
    SourcingFlags sourcing;
    @Option(names = "--yes", description = "Confirm live calls without asking (required with --json when calls are needed).")
    boolean yes;
    @Option(names = "--json", description = "Print the report as JSON (schema in REPLAY.md).")
    boolean json;
    @Option(names = "--items", description = "With --json: include every item.")
    boolean items;
    @Option(names = "--min-pass-rate", paramLabel = "R", description = "Gate: fail (exit 1) below this pass rate (0–1).")
    Double minPassRate;
    @Option(names = "--max-cost-per-1k", paramLabel = "USD", description = "Gate: fail (exit 1) above this cost per 1,000 prompts.")
    Double maxCostPer1k;
    @Option(names = "--grader", paramLabel = "<kind>", description = "Grade every item with this grader instead of its tag.")
    String grader;
    @Option(names = "--judge", paramLabel = "<model>", description = "Model for LLM-as-judge grading.")
    String judge;
    @Option(names = "--rubric", paramLabel = "<text>", description = "The judge's rubric.")
    String rubric;
    @Option(names = "--baselines", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Answer every item on every target too (baselines, oracle, sweep); --no-baselines: only"
                    + " the policy's route. Default on.")
    boolean baselines;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Live calls per provider (default 4).")
    int concurrency;
    @Option(names = "--max-tokens", paramLabel = "N")
    Integer maxTokens;
    @Option(names = "--temperature", paramLabel = "T")
    Double temperature;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the random baseline.")
    long seed;

    /** --live | --cached. */
    static final class SourcingFlags {
        @Option(names = "--live", description = "Call every model afresh.")
        boolean live;
        @Option(names = "--cached", description = "Use stored runs only; never call a model.")
        boolean cached;
    }

    @Override
    public Integer call() {
        if (minPassRate != null && (minPassRate < 0 || minPassRate > 1)) {
            throw new CliException(ExitCodes.USAGE, "--min-pass-rate is a fraction between 0 and 1, e.g. 0.9.");
        }
        if (resume == null && (policy == null || dataset == null)) {
            throw new CliException(ExitCodes.USAGE, "Give --policy and --dataset (or --resume <replay id>).");
        }
        AppContext app = root.context();
        try (Workspace ws = workspace.open()) {
            app.prepare(ws);
            // offline as the app's status bar says it (as route --network auto): no interface up, or none of the cloud
            // providers' hosts answers — the cloud models it would call "cannot run now"
            ReplayService service = ReplayService.of(app, ws, dev.switchyard.app.net.ProbedNetworkState.of(ws, app.clock()));
            ReplayOptions options = new ReplayOptions(sourcing(), baselines, new GenerationParams(maxTokens, temperature,
                    null, null, List.of()), ReplayGraders.build(app, ws, graderKind(), judge, rubric, null), concurrency,
                    seed);
            Prepared prepared = prepare(app, ws, service, options);
            List<ReplayService.Blocked> blocked = service.blocked(prepared);
            confirm(prepared.estimate(), ReplayService.Blocked.warning(blocked));
            ReplayJob job = service.start(prepared, true, progress(), blocked);
            ReplayResult result = await(job);
            return report(ws, result, prepared.estimate()); // its JSON has the blocked models: kept with the replay
        } catch (ReplayException e) {
            throw ReplayErrors.cli(e);
        }
    }

    private Prepared prepare(AppContext app, Workspace ws, ReplayService service, ReplayOptions options) {
        ReplayPolicies policies = new ReplayPolicies(app, ws);
        if (resume != null) {
            long versionId = ws.replays().get(resume).orElseThrow(() -> new ReplayException(
                    ReplayException.Kind.NOT_FOUND, "There is no replay " + resume + " in this workspace."))
                    .policyVersionId();
            return service.prepareResume(resume, policies.forVersion(versionId), options);
        }
        ReplayPolicy p = policies.load(policy, policyVersion);
        return service.prepare(p, dataset(ws).id(), options);
    }

    private Dataset dataset(Workspace ws) {
        DatasetService datasets = new DatasetService(ws);
        Path file = Path.of(dataset);
        if (Files.isRegularFile(file)) {
            DatasetService.Imported imported = datasets.importFile(file, null);
            PrintWriter err = CliContext.err(spec);
            imported.problems().forEach(x -> err.println("Skipped " + x));
            err.flush();
            return imported.dataset();
        }
        return datasets.find(dataset);
    }

    private void confirm(ReplayEstimate e, String blocked) {
        PrintWriter err = CliContext.err(spec);
        if (!blocked.isEmpty() && !json) {
            err.println("Warning: " + blocked);
            err.flush();
        }
        if (!e.needsConfirmation() || yes) {
            if (!json) {
                err.println(e.sentence());
                err.flush();
            }
            return;
        }
        if (json || System.console() == null) {
            // with --json the warning above is not printed: the refusal says it
            throw new CliException(ExitCodes.USAGE, "This replay makes live calls: " + e.sentence()
                    + " Add --yes to confirm." + (json && !blocked.isEmpty() ? " Warning: " + blocked : ""));
        }
        String answer = System.console().readLine("%s Start? [y/N] ", e.sentence());
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new CliException(ExitCodes.FAILED, "Not started.");
        }
    }

    private ReplayListener progress() {
        if (json) {
            return ReplayListener.NONE;
        }
        PrintWriter err = CliContext.err(spec);
        return new ReplayListener() {
            private long last;

            @Override
            public synchronized void onProgress(ReplayProgress p) {
                long now = System.nanoTime();
                if (now - last > 1_000_000_000L || p.done() == p.total()) {
                    last = now;
                    String spent = Wording.cost(p.spentUsd(), p.unpricedCalls() > 0);
                    err.printf(Locale.ROOT, "%d/%d items, %s%s%s%n", p.done(), p.total(),
                            spent.equals(Wording.COST_UNKNOWN) ? "spent: cost unknown" : spent + " spent",
                            p.judgeSpentUsd() > 0 ? String.format(Locale.ROOT, " (+ $%.4f judge)", p.judgeSpentUsd()) : "",
                            p.etaMillis() < 0 ? "" : ", " + (p.etaMillis() + 999) / 1000 + " s left");
                    err.flush();
                }
            }
        };
    }

    private static ReplayResult await(ReplayJob job) {
        try {
            return job.result().get();
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "Interrupted; resume with --resume " + job.replayId() + ".");
        } catch (ExecutionException e) {
            throw new CliException(ExitCodes.FAILED, "Replay " + job.replayId() + " failed: " + e.getCause().getMessage()
                    + " Finished items are kept; resume with --resume " + job.replayId() + ".", e.getCause());
        }
    }

    private int report(Workspace ws, ReplayResult r, ReplayEstimate estimate) {
        Summary s = Summary.of(r);
        Point p = s.policy();
        ArrayNode gates = CliContext.JSON.createArrayNode();
        boolean ok = true;
        if (minPassRate != null) {
            boolean pass = p.passRate() != null && p.passRate() >= minPassRate - 1e-12;
            ok &= pass;
            gates.addObject().put("gate", "min-pass-rate").put("limit", minPassRate).put("actual", p.passRate())
                    .put("passed", pass);
        }
        if (maxCostPer1k != null) {
            // a cost that is partly unknown (a model without a price answered) cannot be shown to be under the limit
            boolean pass = !p.costPartial() && p.costPer1k() <= maxCostPer1k + 1e-12;
            ok &= pass;
            ObjectNode gate = gates.addObject().put("gate", "max-cost-per-1k").put("limit", maxCostPer1k)
                    .put("actual", p.costPer1k()).put("passed", pass);
            if (p.costPartial()) {
                gate.put("unpriced", p.unpriced()).put("reason", "the cost of " + p.unpriced() + " item"
                        + (p.unpriced() == 1 ? "" : "s") + " is unknown: no price in force for "
                        + String.join(", ", s.unpricedModels()) + "; the actual figure is only the known part");
            }
        }
        if (json) {
            ObjectNode n = CliContext.object().put("ok", ok);
            n.set("gates", gates);
            n.set("estimate", CliContext.JSON.valueToTree(estimate));
            n.setAll(ReplayReport.json(r, items, CliFix.forRunId(ws)));
            CliContext.printJson(spec, n);
        } else {
            ReplayText.print(CliContext.out(spec), r, s);
            gates.forEach(g -> CliContext.out(spec).printf(Locale.ROOT, "Gate %s: %s (limit %s, actual %s%s)%n",
                    g.path("gate").asText(), g.path("passed").asBoolean() ? "passed" : "MISSED", g.path("limit"),
                    g.has("unpriced") ? "at least " + g.path("actual") : g.path("actual"),
                    g.has("reason") ? "; " + g.path("reason").asText() : ""));
            CliContext.out(spec).flush();
        }
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private Sourcing sourcing() {
        if (sourcing == null) {
            return Sourcing.PREFER_CACHED;
        }
        return sourcing.live ? Sourcing.LIVE : sourcing.cached ? Sourcing.CACHED_ONLY : Sourcing.PREFER_CACHED;
    }

    private GraderKind graderKind() {
        if (grader == null) {
            return null;
        }
        return GraderKind.parse(grader).orElseThrow(() -> new CliException(ExitCodes.USAGE, "Unknown grader \""
                + grader + "\"; use exact, contains, regex, json, numeric, embedding, judge or votes."));
    }
}
