package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.export.ChartScale;
import dev.switchyard.app.replay.export.LabelLayout;
import dev.switchyard.app.replay.results.Wording;
import dev.switchyard.ui.replay.ResultsViewModel.ChartPoint;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/** Cost per 1,000 prompts against pass rate: the policy and every baseline as labelled points, the sweep curve. */
final class CostQualityChart extends ScatterChart<Number, Number> {

    private final XYChart.Series<Number, Number> policy = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> baselines = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> curve = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> position = new XYChart.Series<>();
    /** Instead of names beside the dots when no point costs more than $0: they would all stand in one column. */
    private final ZeroCostNote note = new ZeroCostNote();
    private boolean noCostScale;

    /**
     * Both axes keep {@link PaddedAxis#PAD} pixels between the plot area's edges and their 0 (and the pass rate's 100):
     * a dot at $0 or at 0 % is drawn whole, the ticks stay at $0, 0.4, 0.8 … and 0, 10 … 100 (0, 20 … 100 when the
     * chart is too short for ten).
     */
    CostQualityChart(ResultsViewModel model) {
        super(new PaddedAxis(1, new double[] {0.2}, PaddedAxis.PAD, 0),
                new PaddedAxis(100, new double[] {10, 20, 50}, PaddedAxis.PAD, PaddedAxis.PAD));
        setId("replay-chart");
        getStyleClass().add("replay-chart");
        getXAxis().setLabel("Cost per 1,000 prompts ($)");
        getYAxis().setLabel("Pass rate (%)");
        PaddedAxis y = (PaddedAxis) getYAxis();
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.valueOf(Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        setAnimated(false);
        setLegendVisible(false);
        policy.setName("policy");
        baselines.setName("baselines");
        curve.setName("sweep");
        position.setName("slider");
        getData().addAll(List.of(curve, position, baselines, policy));
        note.setViewOrder(-10); // over the grid and the dots
        getPlotChildren().add(note);
        model.points().addListener((ListChangeListener<ChartPoint>) c -> redraw(model));
        model.curve().addListener((ListChangeListener<ChartPoint>) c -> redraw(model));
        model.sweepPointProperty().addListener((o, a, p) -> {
            position.getData().clear();
            if (p != null) {
                boolean onAPoint = model.points().stream().anyMatch(q -> Math.abs(q.costPer1k() - p.costPer1k()) < 1e-12
                        && Math.abs(q.passRate() - p.passRate()) < 1e-9);
                XYChart.Data<Number, Number> d = point(p, "replay-point-slider", onAPoint || noCostScale ? null
                        : p.name());
                d.getNode().setViewOrder(1); // drawn behind the policy and baseline dots
                position.getData().add(d);
            }
        });
        redraw(model);
    }

    private void redraw(ResultsViewModel model) {
        policy.getData().clear();
        baselines.getData().clear();
        curve.getData().clear();
        double max = 0;
        for (ChartPoint p : model.points()) {
            max = Math.max(max, p.costPer1k());
        }
        for (ChartPoint p : model.curve()) {
            max = Math.max(max, p.costPer1k());
        }
        PaddedAxis x = (PaddedAxis) getXAxis();
        double upper = ChartScale.costUpper(max);
        x.show(upper, upper / ChartScale.COST_STEPS);
        // with no cost above $0 there is no cost axis to read: say why instead of a scale from 0 to 1
        x.setTickLabelsVisible(max > 0);
        x.setTickMarkVisible(max > 0);
        x.setMinorTickVisible(max > 0);
        x.setLabel(axisLabel(model.points(), max));
        // every dot in the one column at $0: names beside them could only pile up, so the note lists them instead
        noCostScale = max <= 0;
        note.show(noCostScale ? List.copyOf(model.points()) : List.of());
        // points on the same spot share one label (the policy's when it is one of them)
        java.util.Map<String, java.util.List<ChartPoint>> spots = new java.util.LinkedHashMap<>();
        for (ChartPoint p : model.points()) {
            spots.computeIfAbsent(String.format(java.util.Locale.ROOT, "%.3g|%.3f", p.costPer1k(), p.passRate()),
                    k -> new java.util.ArrayList<>()).add(p);
        }
        for (java.util.List<ChartPoint> spot : spots.values()) {
            String label = String.join(" · ", spot.stream().map(p -> "policy".equals(p.kind()) ? "policy" : p.name())
                    .toList()) + (max > 0 ? unknownMark(spot.get(0)) : "");
            ChartPoint first = spot.stream().filter(p -> "policy".equals(p.kind())).findFirst().orElse(spot.get(0));
            for (ChartPoint p : spot) {
                boolean isPolicy = "policy".equals(p.kind());
                XYChart.Data<Number, Number> d = point(p, isPolicy ? "replay-point-policy" : "replay-point-baseline",
                        p == first && !noCostScale ? label : null);
                d.getNode().setViewOrder(isPolicy ? -1 : 0); // the policy in front of a baseline on the same spot
                (isPolicy ? policy : baselines).getData().add(d);
            }
        }
        for (ChartPoint p : model.curve()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.costPer1k(), p.passRate() * 100);
            d.setNode(new LabelledDot(null, "replay-point-curve", p));
            curve.getData().add(d);
        }
    }

    /** The x axis's title: what it measures, or why it has no scale. */
    static String axisLabel(List<ChartPoint> points, double max) {
        return Wording.costAxis(max > 0, points.stream().anyMatch(ChartPoint::costPartial),
                points.stream().anyMatch(p -> !p.costPartial()));
    }

    /** Beside a point's name when its cost is partly unknown: it sits at its known part only. */
    private static String unknownMark(ChartPoint p) {
        return !p.costPartial() ? "" : p.costPer1k() > 0 ? " (cost: at least)" : " (cost unknown)";
    }

    /** After the chart placed the dots: names that would cover one another are moved apart (LabelLayout). */
    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (note.isVisible()) {
            // right of the column of dots at $0, from the plot area's top; it wraps to the plot area's width
            double left = getXAxis().getDisplayPosition(0) + 16;
            double w = Math.min(note.prefWidth(-1), Math.max(120, getXAxis().getWidth() - left - 8));
            note.resizeRelocate(left, 6, w, note.prefHeight(w));
        }
        List<LabelledDot> dots = new java.util.ArrayList<>();
        List<LabelLayout.Box> boxes = new java.util.ArrayList<>();
        double height = 0;
        for (XYChart.Series<Number, Number> series : getData()) {
            for (XYChart.Data<Number, Number> d : series.getData()) {
                if (d.getNode() instanceof LabelledDot dot && dot.label != null && dot.isVisible()) {
                    dot.label.autosize();
                    height = Math.max(height, dot.label.getHeight());
                    dots.add(dot);
                }
            }
        }
        double plotWidth = getXAxis().getWidth();
        for (LabelledDot dot : dots) {
            // the name right of the dot; left of it when it would run past the plot area's right edge (the chart cuts
            // it there); when neither side has room (names of points that coincide), above the dot (below at the top),
            // slid left to fit
            double w = dot.label.getWidth();
            double x = dot.getLayoutX() + dot.getWidth() + 4;
            double top = dot.getLayoutY() + (dot.getHeight() - height) / 2;
            if (x + w > plotWidth) {
                double left = dot.getLayoutX() - 4 - w;
                if (left >= 0) {
                    x = left;
                } else {
                    x = Math.max(0, plotWidth - w);
                    top = dot.getLayoutY() - height - 2 >= 0 ? dot.getLayoutY() - height - 2
                            : dot.getLayoutY() + dot.getHeight() + 2;
                }
            }
            dot.labelAt(x - dot.getLayoutX());
            boxes.add(new LabelLayout.Box(x, top, w));
        }
        // the labelled dots (not the sweep curve's) are what names must not cover
        List<LabelLayout.Rect> dotBoxes = dots.stream()
                .map(d -> new LabelLayout.Rect(d.getLayoutX(), d.getLayoutY(), d.getWidth(), d.getHeight())).toList();
        double[] top = LabelLayout.place(boxes, dotBoxes, height, 1, 0, getYAxis().getHeight());
        for (int i = 0; i < dots.size(); i++) {
            LabelledDot dot = dots.get(i);
            dot.shift(top[i] - (dot.getLayoutY() + (dot.getHeight() - height) / 2));
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
        private final Line leader = new Line();
        private double shift;
        /** Where the name starts, from the dot's left edge (NaN: right of the dot). */
        private double labelX = Double.NaN;

        LabelledDot(String text, String style, ChartPoint p) {
            dot.getStyleClass().addAll("replay-point", style);
            getChildren().add(dot);
            if (text == null) {
                label = null;
            } else {
                label = new Label(text);
                label.getStyleClass().add("replay-point-label");
                label.setManaged(false);
                leader.getStyleClass().add("replay-point-leader");
                leader.setManaged(false);
                leader.setVisible(false);
                getChildren().addAll(leader, label);
            }
            Tooltip.install(this, new Tooltip(String.format(java.util.Locale.ROOT, "%s%npass rate %.1f%%%n%s per"
                    + " 1,000 prompts", p.name(), p.passRate() * 100, p.costText())));
        }

        /** Puts the name {@code dx} from the dot's left edge (right of the dot unless there is no room there). */
        void labelAt(double dx) {
            if (Double.isNaN(labelX) || Math.abs(dx - labelX) > 0.5) {
                labelX = dx;
                requestLayout();
            }
        }

        /** Moves the name {@code dy} from beside the dot (another name was there); a line leads back to the dot. */
        void shift(double dy) {
            if (Math.abs(dy - shift) > 0.5) {
                shift = dy;
                requestLayout();
            }
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
                double top = (getHeight() - label.getHeight()) / 2 + shift;
                double x = Double.isNaN(labelX) ? getWidth() + 4 : labelX;
                label.relocate(x, top);
                // a name moved off its dot's row keeps a thin line to the dot, so it is clear whose it is
                boolean left = x + label.getWidth() <= 0;
                leader.setVisible(Math.abs(shift) > label.getHeight() / 2);
                leader.setStartX(left ? 0 : getWidth() / 2);
                leader.setStartY(getHeight() / 2);
                leader.setEndX(left ? -3 : Math.max(getWidth() / 2, Math.min(x + 3, getWidth() + 3)));
                leader.setEndY(top + label.getHeight() / 2);
            }
        }
    }
}
