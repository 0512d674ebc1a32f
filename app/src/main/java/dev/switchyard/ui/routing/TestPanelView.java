package dev.switchyard.ui.routing;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import java.util.function.Function;

/** The test panel: prompt in, decision, trace and features out. */
final class TestPanelView extends VBox {

    private static final javafx.scene.text.Font HEADER_FONT = javafx.scene.text.Font.font("System",
            javafx.scene.text.FontWeight.BOLD, 12);

    TestPanelView(TestPanelViewModel vm) {
        super(8);
        setId("test-panel");
        setPadding(new Insets(12));
        TextArea prompt = dev.switchyard.ui.TabMovesFocus.install(new TextArea());
        prompt.setId("test-prompt");
        prompt.setPromptText("Type a prompt to route…");
        prompt.setPrefRowCount(3);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(vm.promptProperty());

        ComboBox<String> history = new ComboBox<>(vm.history());
        history.setId("test-history");
        history.setPromptText("From history");
        history.setMaxWidth(Double.MAX_VALUE);
        history.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.promptProperty().set(b);
            }
        });
        ComboBox<String> dataset = new ComboBox<>(vm.datasets());
        dataset.setId("test-dataset");
        dataset.setPromptText("Dataset");
        dataset.valueProperty().addListener((o, a, b) -> vm.chooseDataset(b));
        ComboBox<String> item = new ComboBox<>(vm.datasetPrompts());
        item.setId("test-dataset-prompt");
        item.setPromptText("Dataset prompt");
        item.setMaxWidth(Double.MAX_VALUE);
        item.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.promptProperty().set(b);
            }
        });
        HBox.setHgrow(history, Priority.ALWAYS);
        HBox.setHgrow(item, Priority.ALWAYS);
        Button route = new Button("Route");
        route.setId("test-route");
        route.getStyleClass().add("accent");
        route.setDefaultButton(false);
        route.disableProperty().bind(vm.busyProperty());
        route.setOnAction(e -> vm.route());
        HBox sources = new HBox(6, history, route);
        HBox data = new HBox(6, dataset, item);

        Label decision = new Label();
        decision.setId("test-decision");
        decision.getStyleClass().add("decision");
        decision.setWrapText(true);
        decision.textProperty().bind(vm.summaryProperty());
        decision.setMinHeight(Region.USE_PREF_SIZE);
        Label why = new Label();
        why.setId("test-why");
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        why.textProperty().bind(vm.whyProperty());
        why.setMinHeight(Region.USE_PREF_SIZE);

        // the panel is about 340 px wide in a 1100 px window: texts wrap in their cells instead of being cut, and the
        // time goes with the result ("match (1.13 s)") rather than in a fourth column too narrow to read
        TableView<TestPanelViewModel.TraceRow> trace = new TableView<>(vm.trace());
        trace.setId("test-trace");
        trace.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        trace.getColumns().add(column("Rule / condition", 170, r -> "   ".repeat(r.depth()) + r.label()));
        trace.getColumns().add(column("Observed", 90, TestPanelViewModel.TraceRow::observed));
        trace.getColumns().add(column("Result", 120, TestPanelView::result));
        trace.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TestPanelViewModel.TraceRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("trace-pass", "trace-fail", "trace-skip");
                setTooltip(null);
                if (row != null && !empty) {
                    getStyleClass().add(switch (row.state()) {
                        case "pass", "match" -> "trace-pass";
                        case "not reached" -> "trace-skip";
                        default -> "trace-fail";
                    });
                    setTooltip(new Tooltip(row.label() + (row.observed().isEmpty() ? "" : "\nobserved: " + row.observed())
                            + "\n" + row.state() + (row.time().isEmpty() ? "" : " in " + row.time()) + "\n" + row.detail()));
                }
            }
        });
        trace.setPlaceholder(placeholder("Route a prompt to see every rule and condition."));
        trace.setMinHeight(170); // a few rows in view: in a short window the panel scrolls instead
        VBox.setVgrow(trace, Priority.ALWAYS);

        TableView<TestPanelViewModel.FeatureRow> features = new TableView<>(vm.features());
        features.setId("test-features");
        features.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        features.getColumns().add(column("Feature", 150, TestPanelViewModel.FeatureRow::name));
        features.getColumns().add(column("Value", 180, TestPanelViewModel.FeatureRow::value));
        features.setPrefHeight(160);
        features.setMinHeight(130);
        features.setPlaceholder(placeholder("Only the features the reached conditions needed are computed."));

        Label traceTitle = Inspector.label("Trace");
        Label featureTitle = Inspector.label("Features");
        traceTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.trace()));
        getChildren().addAll(prompt, sources, data, decision, why, traceTitle, trace, featureTitle, features);
    }

    /** A trace row's result with its time: "match (1.13 s)" (the time kept on one line when the cell wraps). */
    static String result(TestPanelViewModel.TraceRow r) {
        return r.time().isEmpty() ? r.state() : r.state() + " (" + r.time().replace(' ', '\u00a0') + ")";
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setPadding(new Insets(8));
        return l;
    }

    /**
     * A column whose cells wrap their text (rows grow) instead of cutting it; never narrower than its header (the
     * minimum widths together fit the panel at its narrowest, so the constrained table keeps every column in view).
     */
    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // the header reads whole: at least its bold 12 px title and the header's padding
        c.setMinWidth(NameLines.width(title, HEADER_FONT) + 22);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(14));
                text.fillProperty().bind(textFillProperty()); // the row's colour (pass, fail, not reached) from the CSS
                text.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : text);
            }
        });
        return c;
    }
}
