package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.Prepared;
import dev.switchyard.app.replay.ReplayJob;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.engine.ReplayEstimate;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayProgress;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.results.Wording;
import dev.switchyard.ui.replay.ItemRow.Format;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.model.Dataset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Starting a replay: policy version, dataset and where answers come from; the estimate (cloud calls, cost) the
 * user confirms before any live call; progress (items, spend, time left); cancel; resume.
 */
public final class RunViewModel {

    /** Where the start panel is. */
    public enum Mode { IDLE, PREPARING, CONFIRMING, RUNNING, FINISHED }

    private final TaskRunner tasks;
    private final Supplier<ReplayBackend> backend;
    private final Consumer<ReplayResult> onResult;
    private final ObservableList<ReplayBackend.PolicyChoice> policies = FXCollections.observableArrayList();
    private final ObjectProperty<ReplayBackend.PolicyChoice> policy = new SimpleObjectProperty<>();
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Sourcing> sourcing = new SimpleObjectProperty<>(Sourcing.PREFER_CACHED);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.IDLE);
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicReference<ReplayProgress> latest = new AtomicReference<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    private Prepared prepared;
    /** The models {@link #prepared} calls that could not run when it was checked (the warning): kept with the replay. */
    private List<ReplayService.Blocked> blocked = List.of();
    private ReplayJob job;

    public RunViewModel(TaskRunner tasks, Supplier<ReplayBackend> backend, Consumer<ReplayResult> onResult) {
        this.tasks = tasks;
        this.backend = backend;
        this.onResult = onResult;
    }

    public ObservableList<ReplayBackend.PolicyChoice> policies() {
        return policies;
    }

    public ObjectProperty<ReplayBackend.PolicyChoice> policyProperty() {
        return policy;
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Sourcing> sourcingProperty() {
        return sourcing;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** What the replay will call and cost, shown for confirmation. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /**
     * Shown with the estimate: the models the replay calls that cannot run now (their calls will fail), why, how
     * many planned calls go to each and what fixes it; empty when every model can run.
     */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        ReplayBackend b = backend.get();
        if (b == null) {
            policies.clear();
            return;
        }
        tasks.run("Loading policies", b::policies, list -> {
            ReplayBackend.PolicyChoice keep = policy.get();
            policies.setAll(list);
            policy.set(list.contains(keep) ? keep : list.isEmpty() ? null : list.get(list.size() - 1));
        }, this::fail);
    }

    /** Decides every item and estimates; asks for confirmation when live calls would be made. */
    public void prepare() {
        ReplayBackend b = backend.get();
        if (b == null || policy.get() == null || dataset.get() == null) {
            message.set("Pick a policy version and a dataset first.");
            return;
        }
        long pv = policy.get().versionId();
        long ds = dataset.get().id();
        Sourcing s = sourcing.get();
        begin(b, () -> b.prepare(pv, ds, s));
    }

    /** Resumes an interrupted or cancelled replay: finished items are not called again. */
    public void resume(long replayId) {
        ReplayBackend b = backend.get();
        if (b != null) {
            begin(b, () -> b.prepareResume(replayId));
        }
    }

    private record Checked(Prepared prepared, List<ReplayService.Blocked> blocked) {
    }

    private void begin(ReplayBackend b, java.util.concurrent.Callable<Prepared> work) {
        if (mode.get() == Mode.RUNNING || mode.get() == Mode.PREPARING) {
            return;
        }
        mode.set(Mode.PREPARING);
        warning.set("");
        message.set("Deciding every item and estimating…");
        tasks.run("Preparing replay", () -> {
            Prepared p = work.call();
            return new Checked(p, b.blocked(p)); // may ask the OS keyring: off the FX thread, as the estimate
        }, c -> {
            Prepared p = c.prepared();
            prepared = p;
            estimate.set(describe(p.estimate()));
            if (p.estimate().needsConfirmation() || !c.blocked().isEmpty()) {
                mode.set(Mode.CONFIRMING);
                showBlocked(c.blocked());
            } else {
                blocked = c.blocked();
                start(false);
            }
        }, e -> {
            mode.set(Mode.IDLE);
            fail(e);
        });
    }

    private void showBlocked(List<ReplayService.Blocked> now) {
        blocked = now;
        warning.set(warning(now));
        message.set(now.isEmpty() ? "Confirm to start: live calls cost money."
                : "Confirm to start anyway: the calls to a model that cannot run now fail and are reported"
                + " with the results.");
    }

    /**
     * The network went up or down: while the estimate waits for confirmation, what it says cannot run now is checked
     * again (a model called "Offline" is no longer named once the network is back, and one that needs it is named
     * when it goes), so the user confirms what is true and the replay keeps that.
     */
    public void networkChanged() {
        ReplayBackend b = backend.get();
        Prepared p = prepared;
        if (b == null || p == null || mode.get() != Mode.CONFIRMING) {
            return;
        }
        tasks.run("Checking the replay's models", () -> b.blocked(p), now -> {
            if (mode.get() == Mode.CONFIRMING && prepared == p) {
                showBlocked(now);
            }
        }, this::fail);
    }

    /** "1 model cannot run now; its calls will fail: gpt-4o (12 planned calls): … " or empty. */
    static String warning(List<ReplayService.Blocked> blocked) {
        return ReplayService.Blocked.warning(blocked);
    }

    static String describe(ReplayEstimate e) {
        StringBuilder b = new StringBuilder();
        boolean unpriced = !e.unpricedModels().isEmpty();
        // an unpriced model's calls cost an unknown amount, not $0
        String cost = Format.cost(e.estimatedCostUsd(), unpriced);
        cost = cost.equals(Wording.COST_UNKNOWN) ? cost : "estimated " + cost + e.basis();
        b.append(String.format(Locale.ROOT, "%d cloud call%s, %s", e.cloudCalls(), e.cloudCalls() == 1 ? "" : "s",
                cost));
        if (e.cloudCallsIfEscalated() > 0) {
            b.append(String.format(Locale.ROOT, " (+ up to %d cascade escalations, %s)", e.cloudCallsIfEscalated(),
                    Format.cost(e.escalationCostUsd(), unpriced)));
        }
        if (e.judgeCalls() > 0) {
            b.append(String.format(Locale.ROOT, "; judge: %d calls, %s (apart)", e.judgeCalls(),
                    Format.cost(e.judgeCostUsd(), unpriced)));
        }
        b.append(String.format(Locale.ROOT, ". %d of %d items to do; %d answers from stored runs, %d local calls.",
                e.itemsToDo(), e.items(), e.cachedAnswers(), e.localCalls()));
        if (e.missingAnswers() > 0) {
            b.append(' ').append(e.missingAnswers()).append(" answers have no stored run (skipped).");
        }
        if (unpriced) {
            b.append(" No price in force for ").append(String.join(", ", e.unpricedModels()))
                    .append(": set one on the Models screen to estimate its cost.");
        }
        return b.toString();
    }

    /** The user accepted the estimate. */
    public void confirm() {
        if (mode.get() == Mode.CONFIRMING) {
            start(true);
        }
    }

    /** The user declined: nothing was called. */
    public void decline() {
        if (mode.get() == Mode.CONFIRMING) {
            prepared = null;
            mode.set(Mode.IDLE);
            message.set("Not started: no call was made.");
        }
    }

    private void start(boolean confirmed) {
        Prepared p = prepared;
        progress.set(p.finished().size() / (double) Math.max(1, p.items().size()));
        progressText.set(p.finished().size() + " / " + p.items().size() + " items");
        mode.set(Mode.RUNNING);
        message.set("Replaying " + p.policy().label() + " over " + p.dataset().name() + "…");
        try {
            job = backend.get().start(p, blocked, confirmed, new ReplayListener() {
                @Override
                public void onProgress(ReplayProgress pr) {
                    latest.set(pr);
                    if (posted.compareAndSet(false, true)) {
                        tasks.onUiThread(RunViewModel.this::showProgress);
                    }
                }
            });
        } catch (RuntimeException e) {
            mode.set(Mode.IDLE);
            fail(e);
            return;
        }
        job.result().whenComplete((r, err) -> tasks.onUiThread(() -> finished(r, err)));
    }

    private void showProgress() {
        posted.set(false);
        ReplayProgress pr = latest.get();
        if (pr == null || mode.get() != Mode.RUNNING) {
            return;
        }
        progress.set(pr.fraction());
        progressText.set(progressText(pr));
    }

    /** "3 / 20 items · $0.0012 spent · 0:41 left"; "at least $X spent" or "cost unknown" with a model without a price. */
    static String progressText(ReplayProgress pr) {
        String eta = pr.etaMillis() < 0 ? "estimating time left" : duration(pr.etaMillis()) + " left";
        String spent = Format.cost(pr.spentUsd(), pr.unpricedCalls() > 0);
        return String.format(Locale.ROOT, "%d / %d items · %s%s · %s", pr.done(), pr.total(),
                spent.equals(Wording.COST_UNKNOWN) ? "spent: cost unknown" : spent + " spent",
                pr.judgeSpentUsd() > 0 ? " (+ judge " + Format.usd(pr.judgeSpentUsd()) + ")" : "", eta);
    }

    static String duration(long ms) {
        long s = (ms + 999) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void finished(ReplayResult r, Throwable err) {
        showProgress();
        job = null;
        if (err != null) {
            fail(err);
            mode.set(Mode.FINISHED);
            return;
        }
        progress.set(r.items().size() / (double) Math.max(1, prepared.items().size()));
        String status = r.replay().status().code().toLowerCase(Locale.ROOT);
        message.set("Replay #" + r.replay().id() + " " + status + " (" + r.items().size() + " of "
                + prepared.items().size() + " items)" + ("cancelled".equals(status) ? "; resume it to finish." : "."));
        onResult.accept(r);
        mode.set(Mode.FINISHED);
    }

    /** Stops the running replay; what finished is kept and can be resumed. */
    public void cancel() {
        ReplayJob j = job;
        if (j != null) {
            message.set("Cancelling…");
            j.cancel();
        }
    }

    private void fail(Throwable e) {
        message.set(Messages.of(e));
    }
}
