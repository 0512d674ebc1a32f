package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.ModelStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * Four charts of the latest comparison: TTFT and total time per model as a scatter of every repeat with the
 * p50 marked (the spread is the horizontal extent), cost per run and decode tokens/s per model as bars (p50).
 * Models are rows, first on top, named on the left and shortened to {@link #LABEL_CHARS} characters: under a
 * column the names of local models ("smollm2-135m-shape random weights (int4, …)") turned upright and took the
 * whole height of the plot.
 */
final class ChartsView extends GridPane {

    static final int LABEL_CHARS = 24;
    /** Keys of a chart's (axis') properties: the note over it, the largest value on its axis. */
    private static final String NOTE = "switchyard.note";
    private static final String MAX = "switchyard.max";
    private final CompareViewModel model;
    private final DeferredRebuild deferred = new DeferredRebuild(this::rebuild);
    private final ScatterChart<Number, String> ttft = scatter("Time to first token, ms (dots: each run, bar: p50)", "chart-ttft");
    private final ScatterChart<Number, String> total = scatter("Total time, ms (dots: each run, bar: p50)", "chart-total");
    private final BarChart<Number, String> cost = bars("Mean cost per run (USD)", "chart-cost");
    private final BarChart<Number, String> speed = bars("Decode tokens/s (p50)", "chart-speed");

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
        add(withNote(ttft), 0, 0);
        add(withNote(total), 1, 0);
        add(withNote(cost), 0, 1);
        add(withNote(speed), 1, 1);
        model.stats().addListener((ListChangeListener<ModelStats>) c -> deferred.request());
        rebuild(); // built when its tab is first shown: show the figures there are
    }

    private static ScatterChart<Number, String> scatter(String title, String id) {
        ScatterChart<Number, String> c = new ScatterChart<>(new NumberAxis(), new CategoryAxis());
        style(c, title, id);
        c.setLegendVisible(false);
        return c;
    }

    private static BarChart<Number, String> bars(String title, String id) {
        BarChart<Number, String> c = new BarChart<>(new NumberAxis(), new CategoryAxis());
        style(c, title, id);
        c.setLegendVisible(false);
        c.setCategoryGap(12);
        return c;
    }

    /**
     * The chart under a note saying why it shows nothing: hidden until the vote, no model has its figure (intent
     * models decode no tokens/s), every value is 0 (what {@link #rebuild} puts in the chart's {@link #NOTE}). The note
     * stands inside the plot area ({@link Noted}), so it never covers the models' names beside it nor the value axis
     * below it.
     */
    private StackPane withNote(XYChart<Number, String> chart) {
        Label note = new Label();
        note.getStyleClass().add("chart-empty-note");
        note.setMouseTransparent(true);
        note.setWrapText(true);
        note.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        ObjectProperty<Note> why = new SimpleObjectProperty<>();
        chart.getProperties().put(NOTE, why);
        javafx.beans.value.ObservableValue<Note> text = model.figuresHiddenProperty().flatMap(hidden -> hidden
                ? new SimpleObjectProperty<>(Note.HIDDEN) : why);
        note.visibleProperty().bind(model.figuresHiddenProperty().or(why.isNotNull()));
        return new Noted(chart, note, text);
    }

    /**
     * A note over a chart: the whole sentence, and the same in fewer words for a plot area too small for it (a 1100 x
     * 720 window's cost chart is about 160 x 77 px; the whole sentence is then the chart's tooltip).
     */
    record Note(String whole, String brief) {
        static final Note HIDDEN = new Note("Hidden until you vote: a cost or a speed can name the model.",
                "Hidden until you vote.");
        static final Note NO_FIGURE = new Note("No model in this comparison has this figure.", "No model has this figure.");
        static final Note FREE_ON_DEVICE = new Note("Every run cost $0: runs on this device are free unless Models → "
                + "Local models sets a device cost per hour.", "Every run cost $0: runs on this device are free.");
        static final Note FREE_AT_PRICES = new Note("Every run cost $0 at the prices in force.", "Every run cost $0.");
    }

    /** The whole note a chart's tooltip holds when its plot area shows it in fewer words; null when it shows it all. */
    static String noteTooltip(XYChart<?, ?> chart) {
        Object tip = chart.getProperties().get(Noted.TIP);
        return tip instanceof javafx.scene.control.Tooltip t && t.getText() != null && !t.getText().isEmpty()
                && chart.getParent() instanceof Noted n && n.shortened ? t.getText() : null;
    }

    /**
     * A chart with its note laid out over the plot area — right of the names of the rows, above the value axis —
     * centred there and wrapped to its width (at most 70 % of the chart's). Centred over the whole chart, a long note
     * ("Every run cost $0: …") was drawn over the model names on the left; wrapped to a narrow plot area (a 1100 px
     * window) it ran below the plot over the value axis. When the whole sentence does not fit the plot area's height
     * it is said in fewer words ({@link Note#brief}), cut with an ellipsis if even those do not fit, and the whole sentence
     * is the chart's tooltip.
     */
    static final class Noted extends StackPane {
        private static final double INSET = 8;
        static final String TIP = "switchyard.note-tooltip";
        private final XYChart<?, ?> chart;
        private final Label note;
        private final javafx.scene.Node plot;
        private final javafx.beans.value.ObservableValue<Note> text;
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        private boolean shortened;

        Noted(XYChart<?, ?> chart, Label note, javafx.beans.value.ObservableValue<Note> text) {
            super(chart, note);
            this.chart = chart;
            this.note = note;
            this.text = text;
            note.setManaged(false);
            note.setText(text.getValue() == null ? "" : text.getValue().whole());
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            chart.getProperties().put(TIP, tip);
            text.addListener((o, was, now) -> requestLayout());
            note.visibleProperty().addListener((o, was, now) -> requestLayout());
            plot = chart.lookup(".chart-plot-background");
            if (plot != null) { // the chart lays out its plot area after this pane: place the note again then
                plot.boundsInParentProperty().addListener((o, was, now) -> requestLayout());
            }
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            javafx.geometry.Bounds area = plot == null || plot.getLayoutBounds().getWidth() <= 0
                    ? chart.getBoundsInParent() : sceneToLocal(plot.localToScene(plot.getLayoutBounds()));
            if (area == null) {
                return;
            }
            Note said = text.getValue();
            String whole = said == null ? null : said.whole();
            double maxW = Math.max(0, Math.min(area.getWidth() - 2 * INSET, chart.getWidth() * 0.7));
            double room = Math.max(0, area.getHeight() - 2 * INSET);
            show(whole);
            double w = Math.min(note.prefWidth(-1), maxW);
            double h = note.prefHeight(w);
            String brief = said == null ? null : said.brief();
            if (h > room && brief != null && !brief.equals(whole)) { // the whole sentence would run out of the plot
                show(brief);
                w = Math.min(note.prefWidth(-1), maxW);
                h = note.prefHeight(w);
            }
            if (h > room) { // even fewer words do not fit: as many lines as do (at least one), then an ellipsis
                h = Math.max(room, Math.min(h, note.prefHeight(Double.MAX_VALUE)));
            }
            boolean cut = whole != null && note.isVisible() && (!whole.equals(note.getText()) || h < note.prefHeight(w));
            if (cut != shortened) {
                shortened = cut;
                if (cut) {
                    javafx.scene.control.Tooltip.install(chart, tip);
                } else {
                    javafx.scene.control.Tooltip.uninstall(chart, tip);
                }
            }
            tip.setText(cut ? whole : "");
            note.resizeRelocate(Math.round(area.getMinX() + (area.getWidth() - w) / 2),
                    Math.round(area.getMinY() + Math.max(0, (area.getHeight() - h) / 2)), w, h);
        }

        private void show(String words) {
            String t = words == null ? "" : words;
            if (!t.equals(note.getText())) {
                note.setText(t);
            }
        }
    }

    /** Shows {@code why} over {@code chart} (null: nothing). */
    @SuppressWarnings("unchecked")
    private static void note(XYChart<Number, String> chart, Note why) {
        ((ObjectProperty<Note>) chart.getProperties().get(NOTE)).set(why);
    }

    /**
     * The value axis from 0 to past {@code max} with ticks whose labels fit side by side; fitted again when the
     * chart's width changes.
     */
    private static void valueAxis(XYChart<Number, String> chart, double max) {
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        boolean first = axis.getProperties().put(MAX, max) == null;
        if (first) {
            axis.widthProperty().addListener((o, was, now) -> fit(chart, axis));
        }
        fit(chart, axis);
    }

    /** The chart's padding (compare.css) on every side but the right, which {@link #fit} widens for the last tick label. */
    static final double PADDING = 6;

    private static void fit(XYChart<Number, String> chart, NumberAxis axis) {
        Text probe = new Text();
        probe.setFont(axis.getTickLabelFont());
        ToDoubleFunction<String> width = label -> {
            probe.setText(label);
            return probe.getLayoutBounds().getWidth();
        };
        ValueScale scale = ValueScale.fit((Double) axis.getProperties().get(MAX), axis.getWidth(), width);
        // the last tick's label is centred on the axis' end: half of it stands past the plot, where the chart's own
        // padding must hold it ("0.0000020" was cut to "0.000002" at the chart's edge)
        double right = Math.max(PADDING, Math.ceil(width.applyAsDouble(scale.label(scale.upper())) / 2) + 2);
        String style = String.format(java.util.Locale.ROOT, "-fx-padding: %.0f %.0f %.0f %.0f;", PADDING, right, PADDING,
                PADDING);
        if (!style.equals(chart.getStyle())) {
            chart.setStyle(style);
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(scale.upper());
        axis.setTickUnit(scale.step());
        if (!(axis.getTickLabelFormatter() instanceof Ticks t) || !t.scale.equals(scale)) {
            axis.setTickLabelFormatter(new Ticks(scale));
        }
    }

    /** Tick labels as the scale writes them. */
    private static final class Ticks extends StringConverter<Number> {
        private final ValueScale scale;

        Ticks(ValueScale scale) {
            this.scale = scale;
        }

        @Override
        public String toString(Number value) {
            return scale.label(value.doubleValue());
        }

        @Override
        public Number fromString(String text) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }

    private static void style(XYChart<Number, String> c, String title, String id) {
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
        List<String> names = labels(model.stats().stream().map(ModelStats::label).toList());
        spread(ttft, names, ModelStats.Sample::ttftMs, s -> s.ttftMs() == null ? null : s.ttftMs().p50());
        spread(total, names, ModelStats.Sample::totalMs, s -> s.totalMs() == null ? null : s.totalMs().p50());
        bar(cost, names, s -> s.costUsd() == null ? null : s.costUsd().mean(), s -> s.costUsd() == null && s.runs() > 0
                ? "no price" : null);
        bar(speed, names, s -> s.tokensPerSec() == null ? null : s.tokensPerSec().p50(), s -> null);
        boolean unpriced = model.stats().stream().anyMatch(s -> s.costUsd() == null && s.runs() > 0);
        for (XYChart<Number, String> chart : List.of(ttft, total, cost, speed)) {
            double max = chart.getData().stream().flatMap(series -> series.getData().stream())
                    .filter(d -> !(d.getNode() instanceof BarNote))
                    .mapToDouble(d -> d.getXValue().doubleValue()).max().orElse(-1);
            valueAxis(chart, Math.max(max, 0));
            chart.getXAxis().setTickLabelsVisible(max > 0); // no scale to read where nothing is above 0
            note(chart, model.stats().isEmpty() ? null : max < 0 && !(chart == cost && unpriced)
                    ? Note.NO_FIGURE
                    : max == 0 && chart == cost && !unpriced ? allFree() : null);
        }
    }

    /**
     * Why every run cost $0: only this device's models ran (free unless a device cost per hour is set), or cloud models
     * whose price in force is $0 — "runs on this device are free" said of those sent the user to the wrong setting.
     */
    private Note allFree() {
        boolean onDevice = model.panes().stream().allMatch(p -> p.model() != null
                && p.model().kind() != dev.switchyard.workspace.model.ModelKind.CLOUD);
        return onDevice ? Note.FREE_ON_DEVICE : Note.FREE_AT_PRICES;
    }

    private void spread(ScatterChart<Number, String> chart, List<String> names, Function<ModelStats.Sample, Long> value,
                        Function<ModelStats, Double> p50) {
        XYChart.Series<Number, String> runs = new XYChart.Series<>();
        runs.setName("each run");
        XYChart.Series<Number, String> median = new XYChart.Series<>();
        median.setName("p50");
        for (int i = 0; i < model.stats().size(); i++) {
            ModelStats s = model.stats().get(i);
            for (ModelStats.Sample r : model.samplesOf(s)) {
                Long v = value.apply(r);
                if (r.completed() && v != null) {
                    runs.getData().add(new XYChart.Data<>(v, names.get(i)));
                }
            }
            Double m = p50.apply(s);
            if (m != null) {
                median.getData().add(new XYChart.Data<>(m, names.get(i)));
            }
        }
        rows(chart, names);
        chart.getData().setAll(List.of(runs, median));
    }

    /**
     * A bar per model with a value; a model without one but with a {@code why} ("no price": its cost is unknown, not
     * $0) gets those words on its row instead of an empty row that read as a bar of $0.
     */
    private void bar(BarChart<Number, String> chart, List<String> names, Function<ModelStats, Double> value,
                     Function<ModelStats, String> why) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (int i = 0; i < model.stats().size(); i++) {
            Double v = value.apply(model.stats().get(i));
            String instead = v == null ? why.apply(model.stats().get(i)) : null;
            if (v != null) {
                series.getData().add(new XYChart.Data<>(v, names.get(i)));
            } else if (instead != null) {
                XYChart.Data<Number, String> d = new XYChart.Data<>(0, names.get(i));
                d.setNode(new BarNote(instead));
                series.getData().add(d);
            }
        }
        rows(chart, names);
        chart.getData().setAll(List.of(series));
    }

    /**
     * Words in place of a bar ("no price"): the chart sizes this node as a bar of 0, and the words stand to the right
     * of the axis, centred on the row.
     */
    static final class BarNote extends javafx.scene.layout.Pane {
        private final Label text;

        BarNote(String words) {
            text = new Label(words);
            text.getStyleClass().add("chart-bar-note");
            getChildren().add(text); // the chart gives this node the style classes of a bar; it is 0 wide
        }

        String words() {
            return text.getText();
        }

        @Override
        protected void layoutChildren() {
            text.autosize();
            text.relocate(6, (getHeight() - text.getHeight()) / 2);
        }
    }

    /**
     * A vertical category axis lists its first category at the bottom: the first model goes on top. The axis keeps
     * these categories (auto-ranging would list them in the order the data names them).
     */
    private static void rows(XYChart<Number, String> chart, List<String> names) {
        List<String> bottomUp = new ArrayList<>(names);
        Collections.reverse(bottomUp);
        CategoryAxis axis = (CategoryAxis) chart.getYAxis();
        axis.setAutoRanging(false);
        axis.getCategories().setAll(bottomUp);
    }

    /**
     * The models' names as the charts show them: at most {@link #LABEL_CHARS} characters (cut with "…"), and
     * still one per model (a name that comes out the same as an earlier one gets " #2", " #3").
     */
    static List<String> labels(List<String> names) {
        List<String> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String shortName = name.length() <= LABEL_CHARS ? name : name.substring(0, LABEL_CHARS - 1).strip() + "…";
            String label = shortName;
            for (int n = 2; !taken.add(label); n++) {
                label = shortName + " #" + n;
            }
            out.add(label);
        }
        return out;
    }
}
