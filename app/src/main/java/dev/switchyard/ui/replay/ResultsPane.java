package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.results.Sweep;
import dev.switchyard.ui.Styles;
import dev.switchyard.ui.replay.ReplayBackend.ExportFormat;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A replay's results: summary figures, exports, the chart with the threshold slider, and the per-item table. */
final class ResultsPane extends VBox {

    private final ResultsViewModel model;
    private final FlowPane figures = new FlowPane(8, 8);

    ResultsPane(ResultsViewModel model, FileDialogs dialogs, Supplier<Window> window) {
        super(8);
        this.model = model;
        getStyleClass().add("replay-results");
        Label empty = new Label("No replay on screen: start one above, or open a stored replay.");
        empty.getStyleClass().add("muted");
        StartBar.showWhen(empty, model.resultProperty().isNull());

        figures.setId("replay-figures");
        // a FlowPane's minimum is its widest card's unwrapped text: without this the results ran past a narrow window
        figures.setMinWidth(0);
        model.figures().addListener((ListChangeListener<ResultsViewModel.Figure>) c -> renderFigures());
        HBox exports = new HBox(6);
        exports.setId("replay-exports");
        for (ExportFormat f : ExportFormat.values()) {
            Button b = new Button("Export " + f.name());
            b.setId("replay-export-" + f.extension());
            b.setMinWidth(Region.USE_PREF_SIZE); // a long message beside them wraps instead of cutting them to "E…"
            b.setOnAction(e -> model.export(f, dialogs.saveExport(window.get(), f, "replay-"
                    + model.resultProperty().get().replay().id())));
            exports.getChildren().add(b);
        }
        Label message = new Label();
        message.setId("replay-results-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        model.warningProperty().addListener((obs, was, now) -> {
            message.getStyleClass().removeAll("muted", "error-text");
            message.getStyleClass().add(now ? "error-text" : "muted");
        });
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox exportRow = new HBox(8, message, exports);
        exportRow.setAlignment(Pos.CENTER_LEFT);

        CostQualityChart chart = new CostQualityChart(model);
        chart.setMinHeight(200);
        HBox.setHgrow(chart, Priority.ALWAYS);
        VBox sweep = sweepBox();
        HBox chartRow = new HBox(8, chart, sweep);

        javafx.scene.control.TableView<ItemRow> table = ItemsTable.results(model.rows());
        table.setMinHeight(150); // a few items in view; a short window scrolls the results (ReplayView) instead
        SplitPane split = new SplitPane(chartRow, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(8, figures, exportRow, split);
        VBox.setVgrow(content, Priority.ALWAYS);
        StartBar.showWhen(content, model.resultProperty().isNotNull());
        getChildren().addAll(empty, content);
    }

    private VBox sweepBox() {
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Slider slider = new Slider();
        slider.setId("replay-threshold");
        slider.setShowTickLabels(true);
        slider.setShowTickMarks(true);
        model.thresholdProperty().addListener((o, a, t) -> {
            if (t != null) {
                title.setText("Sweep: " + t.label() + " " + t.op() + " x");
                slider.setMin(t.min());
                slider.setMax(t.max());
                slider.setMajorTickUnit(Math.max(1e-6, (t.max() - t.min()) / 4));
                slider.setValue(t.current());
            }
        });
        slider.valueProperty().addListener((o, a, v) -> model.sweepTo(v.doubleValue()));
        Label text = new Label();
        text.setId("replay-sweep-text");
        text.setWrapText(true);
        text.textProperty().bind(model.sweepTextProperty());
        text.setMinHeight(Region.USE_PREF_SIZE);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        ListView<Sweep.Change> changes = new ListView<>(model.changes());
        changes.setId("replay-sweep-changes");
        Label none = new Label("Move the slider: the prompts that change route there appear here.");
        none.setWrapText(true);
        none.getStyleClass().add("muted");
        changes.setPlaceholder(none);
        changes.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(Sweep.Change c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.prompt() + "\n    "
                        + c.from() + " → " + c.to() + " (observed " + ResultsViewModel.fmt(c.observed()) + ")");
            }
        });
        VBox.setVgrow(changes, Priority.ALWAYS);
        VBox box = new VBox(6, title, slider, text, changes);
        box.getStyleClass().add("replay-sweep");
        box.setPrefWidth(340);
        box.setMinWidth(280);
        StartBar.showWhen(box, model.sweepableProperty());
        return box;
    }

    private void renderFigures() {
        figures.getChildren().clear();
        for (ResultsViewModel.Figure f : model.figures()) {
            Label value = new Label(f.value());
            value.setId("replay-figure-" + f.id());
            value.getStyleClass().add(f.id().equals("savings") ? "replay-figure-sentence" : "replay-figure-value");
            value.setWrapText(true);
            Label label = new Label(f.label());
            label.getStyleClass().add(Styles.CARD_LABEL);
            VBox card = new VBox(2, label, value);
            card.getStyleClass().addAll(Styles.CARD, "replay-figure");
            card.setMaxWidth(f.id().equals("savings") || f.id().equals("route-share") ? 360 : 200);
            figures.getChildren().add(card);
        }
    }
}
