package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.engine.PlanStep;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.RoutePlan;
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
import dev.switchyard.app.engine.ModelEngine;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.run.RunService;
import dev.switchyard.ui.SwitchyardApp;
import dev.switchyard.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;

/** Workspace rows and a length-threshold policy for the replay screen's tests. */
final class ReplayUiFixture {

    private ReplayUiFixture() {
    }

    static Model local(Workspace ws, String name) {
        Provider p = ws.providers().insert(Provider.of(ProviderKind.LOCAL, "device " + name, null, null, null));
        return ws.models().insert(Model.of(p.id(), name, name, ModelKind.LOCAL_GENERATIVE, 2048, null, "{}"));
    }

    static Model cloud(Workspace ws, String name) {
        Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "gateway " + name,
                "http://127.0.0.1:9/v1", "env:NOT_USED", null));
        return ws.models().insert(Model.of(p.id(), name, name, ModelKind.CLOUD, 8192, null, "{}"));
    }

    /** A stored COMPLETED run with default parameters. */
    static Run stored(Workspace ws, Model m, String prompt, String answer, double cost, long latencyMs) {
        return stored(ws, m, prompt, answer, Double.valueOf(cost), latencyMs);
    }

    /** As above; a null cost is a run of a model that had no price in force (its cost is unknown). */
    static Run stored(Workspace ws, Model m, String prompt, String answer, Double cost, long latencyMs) {
        Run r = Run.created(m.id(), prompt, "{}").withOutput(RunStatus.COMPLETED, answer, null)
                .finished(RunStatus.COMPLETED, null, RunMetrics.of(0, latencyMs / 4, latencyMs, 10, 5),
                        new RunCost(cost, m.kind() == ModelKind.CLOUD ? CostKind.API : CostKind.DEVICE, null), false, 1,
                        java.time.Instant.now());
        return ws.runs().insert(r);
    }

    /**
     * Shows the Replay screen on {@code ws} in the TestFX primary stage at 1100 x 720, replaying from stored runs only
     * (a model call fails the test) with {@link #lengthPolicy} (12 characters) between {@code local} and {@code cloud};
     * Import opens {@code dataset} and exports go beside it. Returns the task runner to close after the test.
     */
    static FxTaskRunner show(Workspace ws, Path dataset, Model local, Model cloud) throws Exception {
        Function<Model, ModelEngine> noCalls = m -> {
            throw new AssertionError("a replay from stored runs calls no model");
        };
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Path openDataset(Window owner) {
                return dataset;
            }

            @Override
            public Path saveExport(Window owner, ReplayBackend.ExportFormat format, String suggestedName) {
                return dataset.resolveSibling(suggestedName + "." + format.extension());
            }
        };
        FxTaskRunner tasks = new FxTaskRunner();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            ReplayViewModel vm = new ReplayViewModel(tasks, new SimpleObjectProperty<>(ws), w ->
                    new WorkspaceReplayBackend(w, new ReplayService(w, new RunService(w), noCalls, Clock.systemUTC()),
                            (x, version, label) -> lengthPolicy(version.id(), label, local, cloud, 12)));
            Scene scene = new Scene((javafx.scene.Parent) new ReplayScreen(vm, dialogs).view(), 1100, 720);
            scene.getStylesheets().addAll(SwitchyardApp.class.getResource(SwitchyardApp.BASE_CSS).toExternalForm(),
                    SwitchyardApp.class.getResource(dev.switchyard.ui.prefs.AppChrome.SCREENS_CSS).toExternalForm());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.setTitle("Replay — Switchyard");
            stage.show();
        });
        return tasks;
    }

    static long policyVersion(Workspace ws, String name) {
        var p = ws.policies().findByName(name).orElseGet(() -> ws.policies().create(name));
        return ws.policies().addVersion(p.id(), "{\"rules\":[]}", null).id();
    }

    /** Prompts of at most {@code maxChars} characters go to {@code small}, longer ones to {@code big}. */
    static ReplayPolicy lengthPolicy(long versionId, String label, Model small, Model big, double maxChars) {
        return new ReplayPolicy() {
            @Override
            public long versionId() {
                return versionId;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public List<Model> targets() {
                return List.of(small, big);
            }

            @Override
            public RoutePlan plan(DatasetItem item) {
                double len = item.prompt().length();
                List<PlanStep> ifPass = List.of(PlanStep.route(small.id()));
                List<PlanStep> ifFail = List.of(PlanStep.route(big.id()));
                boolean pass = len <= maxChars;
                return new RoutePlan("{\"rule\":\"short prompts stay local\",\"observed\":" + len + ",\"pass\":" + pass
                        + "}", pass ? ifPass : ifFail, new RoutePlan.SweepFork(len, ifPass, ifFail));
            }

            @Override
            public Optional<ThresholdSpec> threshold() {
                return Optional.of(new ThresholdSpec("prompt characters", "<=", maxChars, 0, 60));
            }
        };
    }
}
