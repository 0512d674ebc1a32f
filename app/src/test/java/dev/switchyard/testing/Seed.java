package dev.switchyard.testing;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineMetrics;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.engine.RunHandle;
import dev.switchyard.app.run.RunObserver;
import dev.switchyard.app.run.RunService;
import dev.switchyard.app.run.RunSpec;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test data written through the real repositories. */
public final class Seed {

    private Seed() {
    }

    public static Provider provider(Workspace ws, String name) {
        return ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, name, "http://127.0.0.1:9/v1", null, null));
    }

    public static Model model(Workspace ws, Provider p, String apiId) {
        return ws.models().insert(Model.of(p.id(), apiId, apiId, ModelKind.CLOUD, null, null, "{}"));
    }

    /** A finished run created at {@code at}. */
    public static Run run(Workspace ws, Model m, String prompt, String answer, RunStatus status, Instant at, long ttft) {
        return ws.runs().insert(build(m, prompt, answer, status, at, ttft));
    }

    /** A finished run that belongs to a comparison. */
    public static Run inComparison(Workspace ws, Model m, String prompt, String answer, long comparisonId, int repeat,
                                   Instant at) {
        return ws.runs().insert(build(m, prompt, answer, RunStatus.COMPLETED, at, 100).withComparison(comparisonId, repeat));
    }

    private static Run build(Model m, String prompt, String answer, RunStatus status, Instant at, long ttft) {
        return Run.created(m.id(), prompt, "{}").withUid(null, at).withOutput(status, answer, null)
                .finished(status, null, RunMetrics.of(1, ttft, ttft + 500, 10, 20), RunCost.NONE, false, 1, at.plusMillis(ttft + 500));
    }

    /**
     * A run of an unsaved draft, stored by the run service as Compare, the CLI and replay store theirs: the model
     * answers {@code answer} at once.
     */
    public static Run sent(Workspace ws, Model m, String system, String user, String answer) {
        ModelEngine engine = new ModelEngine() {
            @Override
            public RunHandle start(EngineRequest request, EngineListener listener) {
                listener.onToken(answer);
                listener.onComplete(new EngineResult(RunStatus.COMPLETED, answer, "", "stop", EngineMetrics.NONE, null));
                return () -> { };
            }

            @Override
            public Availability availability() {
                return Availability.READY;
            }
        };
        return new RunService(ws).start(RunSpec.adHoc(m, new EngineRequest(system, user, null)), engine, RunObserver.NONE)
                .finished().join();
    }

    /** {@code n} runs of one model, one minute apart from {@code start}, prompt "bulk prompt i". */
    public static List<Run> bulk(Workspace ws, Model m, int n, Instant start) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(Run.created(m.id(), "bulk prompt " + i, "{}").withUid(null, start.plusSeconds(60L * i))
                    .withOutput(RunStatus.COMPLETED, "answer " + i, null)
                    .finished(RunStatus.COMPLETED, null, RunMetrics.of(1, 100 + i, 600 + i, 10, 20), RunCost.NONE, false, 1,
                            start.plusSeconds(60L * i + 1)));
        }
        return ws.runs().insertAll(runs);
    }
}
