package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.ModelStats;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * Four charts of the latest comparison: TTFT and total time per model as a scatter of every repeat with the
 * p50 marked (the spread is the vertical extent), cost per run and decode tokens/s per model as bars (p50).
 */
final class ChartsView extends GridPane {

    private final CompareViewModel model;
    private final DeferredRebuild deferred = new DeferredRebuild(this::rebuild);
    private final ScatterChart<String, Number> ttft = scatter("Time to first token, ms (dots: each run, bar: p50)", "chart-ttft");
    private final ScatterChart<String, Number> total = scatter("Total time, ms (dots: each run, bar: p50)", "chart-total");
    private final BarChart<String, Number> cost = bars("Mean cost per run (USD)", "chart-cost");
    private final BarChart<String, Number> speed = bars("Decode tokens/s (p50)", "chart-speed");

    ChartsView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("charts-view");
        setHgap(8);
        setVgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(49);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        add(ttft, 0, 0);
        add(total, 1, 0);
        add(cost, 0, 1);
        add(speed, 1, 1);
        model.stats().addListener((ListChangeListener<ModelStats>) c -> deferred.request());
        rebuild(); // built when its tab is first shown: show the figures there are
    }

    private static ScatterChart<String, Number> scatter(String title, String id) {
        ScatterChart<String, Number> c = new ScatterChart<>(new CategoryAxis(), new NumberAxis());
        style(c, title, id);
        c.setLegendVisible(false);
        return c;
    }

    private static BarChart<String, Number> bars(String title, String id) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        style(c, title, id);
        c.setLegendVisible(false);
        c.setCategoryGap(60);
        return c;
    }

    private static void style(XYChart<String, Number> c, String title, String id) {
        c.setTitle(title);
        c.setId(id);
        c.setAnimated(false);
        c.getStyleClass().add("compare-chart");
        c.setMinSize(0, 0);
    }

    /** Rebuilds only while {@code shown} (the tab is selected); a change made meanwhile is shown on return. */
    void showWhile(javafx.beans.value.ObservableBooleanValue shown) {
        deferred.showWhile(shown);
    }

    private void rebuild() {
        spread(ttft, ModelStats.Sample::ttftMs, s -> s.ttftMs() == null ? null : s.ttftMs().p50());
        spread(total, ModelStats.Sample::totalMs, s -> s.totalMs() == null ? null : s.totalMs().p50());
        bar(cost, s -> s.costUsd() == null ? null : s.costUsd().mean());
        bar(speed, s -> s.tokensPerSec() == null ? null : s.tokensPerSec().p50());
    }

    private void spread(ScatterChart<String, Number> chart, Function<ModelStats.Sample, Long> value,
                        Function<ModelStats, Double> p50) {
        XYChart.Series<String, Number> runs = new XYChart.Series<>();
        runs.setName("each run");
        XYChart.Series<String, Number> median = new XYChart.Series<>();
        median.setName("p50");
        for (ModelStats s : model.stats()) {
            for (ModelStats.Sample r : model.samplesOf(s)) {
                Long v = value.apply(r);
                if (r.completed() && v != null) {
                    runs.getData().add(new XYChart.Data<>(s.label(), v));
                }
            }
            Double m = p50.apply(s);
            if (m != null) {
                median.getData().add(new XYChart.Data<>(s.label(), m));
            }
        }
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(model.stats().stream().map(ModelStats::label).toList());
        chart.getData().setAll(java.util.List.of(runs, median));
    }

    private void bar(BarChart<String, Number> chart, Function<ModelStats, Double> value) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ModelStats s : model.stats()) {
            Double v = value.apply(s);
            if (v != null) {
                series.getData().add(new XYChart.Data<>(s.label(), v));
            }
        }
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(model.stats().stream().map(ModelStats::label).toList());
        chart.getData().setAll(java.util.List.of(series));
    }
}
