package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.ThresholdSpec;
import dev.switchyard.app.replay.results.Point;
import dev.switchyard.app.replay.results.Summary;
import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.app.replay.results.Wording;
import dev.switchyard.ui.replay.ItemRow.Format;
import dev.switchyard.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A replay's results: summary figures, the cost-versus-quality points (policy and baselines), the threshold
 * sweep over stored answers (no new call), the per-item table, exports. Comparing two replays is in
 * {@link CompareViewModel}.
 */
public final class ResultsViewModel {

    /** A labelled point of the chart: cost per 1,000 prompts against pass rate. */
    public record ChartPoint(String name, String kind, double costPer1k, double passRate, boolean costPartial) {
        static ChartPoint of(Point p) {
            return new ChartPoint(p.name(), p.kind(), p.costPer1k(), p.passRate() == null ? 0 : p.passRate(),
                    p.costPartial());
        }

        /** "$X", "at least $X" or "cost unknown" per 1,000 prompts. */
        public String costText() {
            return Wording.cost(costPer1k, costPartial);
        }
    }

    /** One figure of the summary. */
    public record Figure(String id, String label, String value) {
    }

    private final TaskRunner tasks;
    private final Supplier<ReplayBackend> backend;
    private final ReadOnlyObjectWrapper<ReplayResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> points = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> curve = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper sweepable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ThresholdSpec> threshold = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartPoint> sweepPoint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sweepText = new ReadOnlyStringWrapper("");
    private final ObservableList<Sweep.Change> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper(false);
    private Sweep sweep;
    private boolean sweeping;
    private Double pendingPosition;

    public ResultsViewModel(TaskRunner tasks, Supplier<ReplayBackend> backend) {
        this.tasks = tasks;
        this.backend = backend;
    }

    public ReadOnlyObjectProperty<ReplayResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<Figure> figures() {
        return figures;
    }

    public ObservableList<ChartPoint> points() {
        return points;
    }

    /** The sweep curve, one point per threshold position from min to max. */
    public ObservableList<ChartPoint> curve() {
        return curve;
    }

    public ObservableList<ItemRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty sweepableProperty() {
        return sweepable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ThresholdSpec> thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartPoint> sweepPointProperty() {
        return sweepPoint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sweepTextProperty() {
        return sweepText.getReadOnlyProperty();
    }

    /** Prompts whose route at the slider's position differs from the policy's own threshold. */
    public ObservableList<Sweep.Change> changes() {
        return changes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the message says that calls of the shown replay failed (the screen shows it as a warning). */
    public ReadOnlyBooleanProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Shows a replay (just finished or reopened); the summary and sweep are computed off the UI thread. */
    public void show(ReplayResult r) {
        tasks.run("Computing results", () -> new Computed(r, Summary.of(r), Sweep.of(r).orElse(null), errors(r)),
                this::apply, e -> say(Messages.of(e), false));
    }

    /** Reopens a stored replay. */
    public void open(long replayId) {
        ReplayBackend b = backend.get();
        if (b != null) {
            tasks.run("Opening replay", () -> b.open(replayId), this::show, e -> say(Messages.of(e), false));
        }
    }

    private record Computed(ReplayResult r, Summary s, Sweep sweep, java.util.Map<Long, String> errors) {
    }

    /** The error sentences of the runs whose failure ended an item's route, read from the workspace. */
    private java.util.Map<Long, String> errors(ReplayResult r) {
        List<Long> ids = r.items().stream().map(o -> o.route().finalCell()).filter(ItemRow::didNotComplete)
                .map(dev.switchyard.app.replay.engine.Cell::runId).filter(java.util.Objects::nonNull).distinct().toList();
        ReplayBackend b = backend.get();
        return ids.isEmpty() || b == null ? java.util.Map.of() : b.runErrors(ids);
    }

    private void say(String text, boolean isWarning) {
        message.set(text);
        warning.set(isWarning);
    }

    private void apply(Computed c) {
        Point p = c.s().policy();
        figures.setAll(
                new Figure("pass-rate", "Pass rate", Format.pct(p.passRate()) + " (" + p.passed() + "/" + p.graded() + ")"),
                new Figure("cost-total", "Cost", Wording.cost(p)),
                new Figure("cost-per-1k", "Per 1,000 prompts", Wording.costPer1k(p)),
                new Figure("latency", "Latency p50 / p95", Format.ms(p.p50Ms()) + " / " + Format.ms(p.p95Ms())),
                new Figure("route-share", "Traffic per route", share(c.s())),
                new Figure("savings", "Savings vs all-cloud", Wording.savings(c.s().savings())));
        List<ChartPoint> pts = new ArrayList<>();
        pts.add(ChartPoint.of(p));
        c.s().baselines().stream().filter(x -> x.passRate() != null).map(ChartPoint::of).forEach(pts::add);
        points.setAll(pts);
        rows.setAll(c.r().items().stream().map(o -> ItemRow.of(c.r(), o, c.errors())).toList());
        sweep = c.sweep();
        changes.clear();
        sweepPoint.set(null);
        sweepText.set("");
        if (sweep == null) {
            curve.clear();
            sweepable.set(false);
            threshold.set(null);
        } else {
            curve.setAll(sweep.curve(21).stream().filter(x -> x.point().passRate() != null)
                    .map(x -> ChartPoint.of(x.point())).toList());
            threshold.set(null); // a replay reopened with the same threshold still puts the slider back
            threshold.set(sweep.spec());
            sweepable.set(true);
            sweepTo(sweep.spec().current()); // the figures at the policy's own threshold, before any slider move
        }
        String failed = failedNote(c.r(), c.errors());
        say(String.join(" ", java.util.stream.Stream.of(failed, unpricedNote(c.s())).filter(t -> !t.isEmpty()).toList()),
                !failed.isEmpty());
        result.set(c.r());
    }

    /**
     * How many items ended in a call that did not complete, by model, with the first error of each and what to do (""
     * when none did): such an item has no answer, so it counts as a fail and costs nothing, which the figures alone
     * do not say.
     */
    static String failedNote(ReplayResult r, java.util.Map<Long, String> errors) {
        java.util.Map<String, Integer> count = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> why = new java.util.LinkedHashMap<>();
        for (var o : r.items()) {
            var last = o.route().finalCell();
            if (ItemRow.didNotComplete(last)) {
                String name = r.modelName(last.modelId());
                count.merge(name, 1, Integer::sum);
                String error = last.runId() == null ? null : errors.get(last.runId());
                if (error != null) {
                    why.putIfAbsent(name, error);
                }
            }
        }
        if (count.isEmpty()) {
            return "";
        }
        int total = count.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        count.forEach((name, n) -> parts.add(name + " " + n));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d items have no answer: the call to %s"
                + " did not complete (%s), so %s count%s as failed and cost nothing.", total, r.items().size(),
                String.join(", ", count.keySet()), String.join(", ", parts), total == 1 ? "it" : "they",
                total == 1 ? "s" : ""));
        why.forEach((name, error) -> sb.append(' ').append(name).append(": ").append(error.strip())
                .append(error.strip().endsWith(".") ? "" : "."));
        return sb.append(" Once that is fixed, replay again: the answers that completed are reused.").toString();
    }

    /** Which models' costs are unknown and where to fix it ("" when every answer has a price). */
    static String unpricedNote(Summary s) {
        return s.unpricedModels().isEmpty() ? "" : "Cost unknown for the answers of " + String.join(", ",
                s.unpricedModels()) + " (no price in force when they ran); set a price on the Models screen for later runs.";
    }

    /**
     * One route a line, its share first ("35.3% Intent model (smart-home)"): a share after a long name wrapped to a line
     * of its own, and on one line for all routes a share was cut from its name.
     */
    private static String share(Summary s) {
        List<String> parts = new ArrayList<>();
        s.routeShare().forEach((k, v) -> parts.add(Format.pct(v) + " " + k));
        return String.join("\n", parts);
    }

    /** Moves the threshold to {@code t}: the figures there and the prompts that change route (stored answers only). */
    public void sweepTo(double t) {
        if (sweep == null) {
            return;
        }
        if (sweeping) {
            pendingPosition = t;
            return;
        }
        sweeping = true;
        Sweep s = sweep;
        double from = s.spec().current();
        tasks.run("Sweeping", () -> new Swept(t, s.at(t), s.changes(from, t, 0)), this::swept, e -> {
            sweeping = false;
            say(Messages.of(e), false);
        });
    }

    private record Swept(double t, Point point, List<Sweep.Change> changes) {
    }

    private void swept(Swept w) {
        sweeping = false;
        sweepPoint.set(new ChartPoint("threshold " + fmt(w.t()), "sweep", w.point().costPer1k(),
                w.point().passRate() == null ? 0 : w.point().passRate(), w.point().costPartial()));
        changes.setAll(w.changes());
        sweepText.set(String.format(Locale.ROOT, "%s %s %s: pass rate %s, %s per 1,000 prompts, %s cloud; %d prompt%s"
                        + " change route versus %s", threshold.get().label(), threshold.get().op(), fmt(w.t()),
                Format.pct(w.point().passRate()), Wording.costPer1k(w.point()), Format.pct(w.point().cloudShare()),
                w.changes().size(), w.changes().size() == 1 ? "" : "s", fmt(threshold.get().current())));
        if (pendingPosition != null) {
            double next = pendingPosition;
            pendingPosition = null;
            sweepTo(next);
        }
    }

    static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                : String.format(Locale.ROOT, "%.2f", v);
    }

    public void export(ReplayBackend.ExportFormat format, Path file) {
        ReplayResult r = result.get();
        ReplayBackend b = backend.get();
        if (r == null || b == null || file == null) {
            return;
        }
        tasks.run("Exporting", () -> {
            b.export(r, format, file);
            return file;
        }, f -> say("Exported " + format.name() + " to " + f + ".", false), e -> say(Messages.of(e), false));
    }
}
