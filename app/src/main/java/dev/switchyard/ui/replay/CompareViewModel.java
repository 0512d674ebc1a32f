package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.results.ReplayDiff;
import dev.switchyard.app.replay.results.Wording;
import dev.switchyard.ui.replay.ItemRow.Format;
import dev.switchyard.ui.task.TaskRunner;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Two replays (two policy versions) item by item: who passes, route changes, cost difference. */
public final class CompareViewModel {

    private final TaskRunner tasks;
    private final Supplier<ReplayBackend> backend;
    private final ObservableList<ReplayDiff.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public CompareViewModel(TaskRunner tasks, Supplier<ReplayBackend> backend) {
        this.tasks = tasks;
        this.backend = backend;
    }

    public ObservableList<ReplayDiff.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Compares the replay on screen ({@code a}) with stored replay {@code otherId} ({@code b}). */
    public void compare(ReplayResult a, long otherId) {
        ReplayBackend b = backend.get();
        if (a == null || b == null) {
            summary.set("Open a replay first.");
            return;
        }
        tasks.run("Comparing replays", () -> ReplayDiff.of(a, b.open(otherId)), d -> {
            rows.setAll(d.rows());
            summary.set(describe(a, otherId, d));
        }, e -> summary.set(Messages.of(e)));
    }

    static String describe(ReplayResult a, long otherId, ReplayDiff d) {
        return String.format(Locale.ROOT, "A = #%d (%s), B = #%d. %d items matched: both pass %d, only A %d, only B"
                        + " %d, both fail %d; %d change route. Pass rate %s → %s; cost %s → %s (%s).%s",
                a.replay().id(), a.policyLabel(), otherId, d.rows().size(), d.bothPass(), d.onlyAPasses(),
                d.onlyBPasses(), d.bothFail(), d.routeChanged(), Format.pct(d.a().passRate()),
                Format.pct(d.b().passRate()), Wording.cost(d.a()), Wording.cost(d.b()), costChange(d),
                d.onlyA() + d.onlyB() > 0 ? " Unmatched: " + d.onlyA() + " only in A, " + d.onlyB() + " only in B."
                        : "");
    }

    /** "+$X" / "−$X", or why there is no difference to give when a model of either replay has no price. */
    private static String costChange(ReplayDiff d) {
        if (d.a().costPartial() || d.b().costPartial()) {
            return "difference unknown: a model has no price";
        }
        double delta = d.b().costUsd() - d.a().costUsd();
        return (delta >= 0 ? "+" : "−") + Format.usd(Math.abs(delta));
    }

    public void clear() {
        rows.clear();
        summary.set("");
    }
}
