package dev.switchyard.ui.replay;

import dev.switchyard.ui.Styles;
import dev.switchyard.workspace.model.Dataset;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The left column: datasets, import, create from history or a comparison, and the rows an import left out. */
final class DatasetsPane extends VBox {

    DatasetsPane(DatasetsViewModel model, FileDialogs dialogs, Supplier<Window> window) {
        super(8);
        getStyleClass().add("replay-datasets");
        setPadding(new Insets(12));
        Label title = new Label("Datasets");
        title.getStyleClass().add(Styles.SECTION_TITLE);

        ListView<Dataset> list = new ListView<>(model.datasets());
        list.setId("replay-datasets");
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label count = new Label();
            private final HBox row = new HBox(6, name, count);

            {
                count.getStyleClass().add("replay-dataset-count");
                count.setMinWidth(Region.USE_PREF_SIZE); // a long name gives way, the count stays whole
                name.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(name, Priority.ALWAYS);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(Dataset d, boolean empty) {
                super.updateItem(d, empty);
                setText(null);
                if (empty || d == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(d.name());
                count.setText(model.countText(d));
                setAccessibleText(d.name() + ", " + count.getText());
                setGraphic(row);
            }
        });
        model.itemCounts().addListener((javafx.collections.MapChangeListener<Long, Long>) c -> list.refresh());
        Label empty = new Label("No dataset yet: import a CSV or JSONL file, or use Create to make one from past runs.");
        empty.setWrapText(true);
        empty.setMaxWidth(190);
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                model.selectedProperty().set(d);
            }
        });
        model.selectedProperty().addListener((o, a, d) -> list.getSelectionModel().select(d));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button importButton = new Button("Import…");
        importButton.setTooltip(new javafx.scene.control.Tooltip("Import a CSV or JSONL file; bad rows are reported"
                + " with their line and left out."));
        importButton.setId("replay-import");
        importButton.setOnAction(e -> model.importFile(dialogs.openDataset(window.get())));
        MenuItem history = new MenuItem("From history (completed runs)");
        history.setOnAction(e -> ask("Dataset from history", "Name", "history").ifPresent(model::fromHistory));
        MenuItem comparison = new MenuItem("From a comparison…");
        comparison.setOnAction(e -> ask("Dataset from a comparison", "Comparison id", "")
                .ifPresent(model::fromComparison));
        MenuButton create = new MenuButton("Create", null, history, comparison);
        HBox buttons = new HBox(6, importButton, create);

        Label message = new Label();
        message.setId("replay-dataset-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("replay-import-problems");
        problems.getStyleClass().add("replay-problems");
        problems.setPrefHeight(110);
        problems.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(String p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : p);
            }
        });
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        getChildren().addAll(title, buttons, list, message, problems);
        setPrefWidth(240);
        setMinWidth(220);
    }

    private static java.util.Optional<String> ask(String title, String label, String value) {
        TextInputDialog d = new TextInputDialog(value);
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(label);
        return d.showAndWait().filter(s -> !s.isBlank());
    }
}
