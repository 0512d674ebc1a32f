package dev.switchyard.app.replay;

import dev.switchyard.app.replay.engine.PlanStep;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.RoutePlan;
import dev.switchyard.app.replay.engine.StepRule;
import dev.switchyard.app.replay.engine.ThresholdSpec;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.CostKind;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.util.List;
import java.util.Optional;

/** Workspace rows for replay tests: models, stored runs, a policy version, and a length-threshold policy. */
final class ReplayFixture {

    private ReplayFixture() {
    }

    static Model local(Workspace ws, String name) {
        Provider p = ws.providers().insert(Provider.of(ProviderKind.LOCAL, "device " + name, null, null, null));
        return ws.models().insert(Model.of(p.id(), name, name, ModelKind.LOCAL_GENERATIVE, 2048, null, "{}"));
    }

    static Model cloud(Workspace ws, Provider p, String name) {
        return ws.models().insert(Model.of(p.id(), name, name, ModelKind.CLOUD, 8192, null, "{}"));
    }

    static Provider gateway(Workspace ws, String url) {
        return ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "gateway", url, "env:TEST_KEY", null));
    }

    /** A stored COMPLETED run with this answer, cost and latency (parameters "{}" = default parameters). */
    static Run stored(Workspace ws, Model m, String prompt, String answer, double cost, long latencyMs) {
        Run r = Run.created(m.id(), prompt, "{}").withOutput(RunStatus.COMPLETED, answer, null)
                .finished(RunStatus.COMPLETED, null, RunMetrics.of(0, latencyMs / 4, latencyMs, 10, 5),
                        new RunCost(cost, m.kind() == ModelKind.CLOUD ? CostKind.API : CostKind.DEVICE, null), false, 1,
                        java.time.Instant.now());
        return ws.runs().insert(r);
    }

    static long policyVersion(Workspace ws, String name) {
        var p = ws.policies().create(name);
        return ws.policies().addVersion(p.id(), "{\"rules\":[]}", null).id();
    }

    /**
     * Prompts of at most {@code maxChars} characters go to {@code small}, longer ones to {@code big} (or, with
     * {@code cascade}, to {@code small} first, escalating to {@code big} when the answer does not match it).
     */
    static ReplayPolicy lengthPolicy(long versionId, Model small, Model big, double maxChars, String cascadeAccept) {
        return new ReplayPolicy() {
            @Override
            public long versionId() {
                return versionId;
            }

            @Override
            public String label() {
                return "length v1";
            }

            @Override
            public List<Model> targets() {
                return List.of(small, big);
            }

            @Override
            public RoutePlan plan(DatasetItem item) {
                double len = item.prompt().length();
                List<PlanStep> ifPass = List.of(PlanStep.route(small.id()));
                List<PlanStep> ifFail = cascadeAccept == null ? List.of(PlanStep.route(big.id()))
                        : List.of(new PlanStep(small.id(), "cascade-first", StepRule.regex(cascadeAccept)),
                        new PlanStep(big.id(), "cascade-else", StepRule.ALWAYS));
                boolean pass = len <= maxChars;
                return new RoutePlan("{\"rule\":\"length\",\"observed\":" + len + ",\"pass\":" + pass + "}",
                        pass ? ifPass : ifFail, new RoutePlan.SweepFork(len, ifPass, ifFail));
            }

            @Override
            public Optional<ThresholdSpec> threshold() {
                return Optional.of(new ThresholdSpec("prompt characters", "<=", maxChars, 0, 30));
            }
        };
    }

    static List<DatasetItem> items(Workspace ws, long datasetId, String... promptRefPairs) {
        List<DatasetItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < promptRefPairs.length; i += 2) {
            items.add(DatasetItem.of(promptRefPairs[i], null, "{}", promptRefPairs[i + 1], "[\"grader:contains\"]"));
        }
        return ws.datasets().addItems(datasetId, items);
    }
}
