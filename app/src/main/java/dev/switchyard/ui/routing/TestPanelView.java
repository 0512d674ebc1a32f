package dev.switchyard.ui.routing;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import java.util.function.Function;

/** The test panel: prompt in, decision, trace and features out. */
final class TestPanelView extends VBox {

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

        TableView<TestPanelViewModel.TraceRow> trace = new TableView<>(vm.trace());
        trace.setId("test-trace");
        trace.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        trace.getColumns().add(column("Rule / condition", 160, r -> "   ".repeat(r.depth()) + r.label()));
        trace.getColumns().add(column("Observed", 80, TestPanelViewModel.TraceRow::observed));
        trace.getColumns().add(column("Result", 88, TestPanelViewModel.TraceRow::state));
        trace.getColumns().add(column("Time", 58, TestPanelViewModel.TraceRow::time));
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
        trace.setPlaceholder(new Label("Route a prompt to see every rule and condition."));
        VBox.setVgrow(trace, Priority.ALWAYS);

        TableView<TestPanelViewModel.FeatureRow> features = new TableView<>(vm.features());
        features.setId("test-features");
        features.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        features.getColumns().add(column("Feature", 140, TestPanelViewModel.FeatureRow::name));
        features.getColumns().add(column("Value", 200, TestPanelViewModel.FeatureRow::value));
        features.setPrefHeight(150);
        features.setPlaceholder(new Label("Only the features the reached conditions needed are computed."));

        Label traceTitle = Inspector.label("Trace");
        Label featureTitle = Inspector.label("Features");
        traceTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.trace()));
        getChildren().addAll(prompt, sources, data, decision, why, traceTitle, trace, featureTitle, features);
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
