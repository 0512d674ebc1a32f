package dev.switchyard.ui.replay;

import dev.switchyard.ui.replay.ResultsViewModel.ChartPoint;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/** Cost per 1,000 prompts against pass rate: the policy and every baseline as labelled points, the sweep curve. */
final class CostQualityChart extends ScatterChart<Number, Number> {

    private final XYChart.Series<Number, Number> policy = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> baselines = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> curve = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> position = new XYChart.Series<>();

    CostQualityChart(ResultsViewModel model) {
        super(new NumberAxis(), new NumberAxis(0, 100, 10));
        setId("replay-chart");
        getStyleClass().add("replay-chart");
        getXAxis().setLabel("Cost per 1,000 prompts ($)");
        getYAxis().setLabel("Pass rate (%)");
        ((NumberAxis) getXAxis()).setForceZeroInRange(true);
        setAnimated(false);
        setLegendVisible(false);
        policy.setName("policy");
        baselines.setName("baselines");
        curve.setName("sweep");
        position.setName("slider");
        getData().addAll(List.of(curve, baselines, policy, position));
        model.points().addListener((ListChangeListener<ChartPoint>) c -> redraw(model));
        model.curve().addListener((ListChangeListener<ChartPoint>) c -> redraw(model));
        model.sweepPointProperty().addListener((o, a, p) -> {
            position.getData().clear();
            if (p != null) {
                position.getData().add(point(p, "replay-point-slider", "slider"));
            }
        });
        redraw(model);
    }

    private void redraw(ResultsViewModel model) {
        policy.getData().clear();
        baselines.getData().clear();
        curve.getData().clear();
        for (ChartPoint p : model.points()) {
            boolean isPolicy = "policy".equals(p.kind());
            (isPolicy ? policy : baselines).getData().add(point(p, isPolicy ? "replay-point-policy"
                    : "replay-point-baseline", isPolicy ? "policy" : p.name()));
        }
        for (ChartPoint p : model.curve()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.costPer1k(), p.passRate() * 100);
            d.setNode(new LabelledDot(null, "replay-point-curve", p));
            curve.getData().add(d);
        }
    }

    private static XYChart.Data<Number, Number> point(ChartPoint p, String style, String label) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(p.costPer1k(), p.passRate() * 100);
        d.setNode(new LabelledDot(label, style, p));
        return d;
    }

    /**
     * A dot with its name beside it. The chart resets the style classes of the node it is given, so the styled dot
     * is a child; the name does not count in the size, so the dot sits on the value.
     */
    static final class LabelledDot extends Pane {
        private final Region dot = new Region();
        private final Label label;

        LabelledDot(String text, String style, ChartPoint p) {
            dot.getStyleClass().addAll("replay-point", style);
            getChildren().add(dot);
            if (text == null) {
                label = null;
            } else {
                label = new Label(text);
                label.getStyleClass().add("replay-point-label");
                label.setManaged(false);
                getChildren().add(label);
            }
            Tooltip.install(this, new Tooltip(String.format(java.util.Locale.ROOT, "%s%npass rate %.1f%%%n%s per"
                    + " 1,000 prompts", p.name(), p.passRate() * 100, ItemRow.Format.usd(p.costPer1k()))));
        }

        @Override
        protected double computePrefWidth(double height) {
            return dot.prefWidth(-1);
        }

        @Override
        protected double computePrefHeight(double width) {
            return dot.prefHeight(-1);
        }

        @Override
        protected void layoutChildren() {
            dot.resizeRelocate(0, 0, getWidth(), getHeight());
            if (label != null) {
                label.autosize();
                label.relocate(getWidth() + 4, (getHeight() - label.getHeight()) / 2);
            }
        }
    }
}
