package dev.switchyard.ui.models;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The local-models tab: the workspace's local generative and intent models, and the device cost per hour. */
final class LocalModelsPane extends VBox {

    LocalModelsPane(LocalModelsModel model) {
        super(12);
        setId("local-models");
        getStyleClass().add("detail-pane");

        Label title = new Label("Local models");
        title.getStyleClass().add("section-title");
        Label intro = new Label("Models that run on this machine: generative ONNX models and the embedded intent model. "
                + "They work with the network unplugged.");
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);

        TableView<ModelRow> table = new TableView<>(model.models());
        table.setId("local-models-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(ProviderDetailPane.col("Model", r -> r.model().displayName()));
        table.getColumns().add(ProviderDetailPane.col("Kind", ModelRow::kindText));
        table.getColumns().add(ProviderDetailPane.col("Id", r -> r.model().apiModelId()));
        table.getColumns().add(ProviderDetailPane.col("Context", ModelRow::contextText));
        Label none = new Label("No local models in this workspace yet.");
        none.getStyleClass().add("muted");
        table.setPlaceholder(none);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label addTitle = new Label("Add a local model");
        addTitle.getStyleClass().add("section-title");
        javafx.scene.control.ComboBox<dev.switchyard.local.catalog.CatalogModel> pick =
                new javafx.scene.control.ComboBox<>(model.catalog());
        pick.setId("local-catalog");
        pick.valueProperty().bindBidirectional(model.chosenProperty());
        pick.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.switchyard.local.catalog.CatalogModel m) {
                if (m == null) {
                    return "";
                }
                Long size = m.recommendedPrecision().approxSizeBytes();
                return m.displayName() + (size == null ? "" : String.format(java.util.Locale.ROOT, "  ·  ~%,d MB",
                        size / 1_000_000));
            }

            @Override
            public dev.switchyard.local.catalog.CatalogModel fromString(String s) {
                return null;
            }
        });
        pick.setPrefWidth(380);
        Button download = new Button("Download");
        download.setId("local-download");
        download.getStyleClass().add("accent");
        download.disableProperty().bind(model.busyProperty().or(pick.valueProperty().isNull()));
        download.setOnAction(e -> model.download());
        Button stop = new Button("Stop");
        stop.setId("local-download-stop");
        stop.visibleProperty().bind(model.busyProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> model.cancelDownload());
        Button importButton = new Button("Import a folder…");
        importButton.setId("local-import");
        importButton.disableProperty().bind(model.busyProperty());
        importButton.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Choose an ONNX model folder (config.json, tokenizer.json, onnx/…)");
            java.io.File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                model.importFolder(dir.toPath());
            }
        });
        HBox addRow = new HBox(8, pick, download, stop, importButton);
        addRow.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("local-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label progress = new Label();
        progress.setId("local-progress-text");
        progress.getStyleClass().add("muted");
        progress.textProperty().bind(model.progressTextProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Label costTitle = new Label("Device cost");
        costTitle.getStyleClass().add("section-title");
        Label costHelp = new Label("Local runs are priced as busy seconds × this rate (electricity, hardware). "
                + "0 means local runs are free.");
        costHelp.getStyleClass().add("muted");
        costHelp.setWrapText(true);
        TextField cost = new TextField();
        cost.setId("device-cost");
        cost.setPrefColumnCount(8);
        cost.textProperty().bindBidirectional(model.deviceCostProperty());
        cost.setOnAction(e -> model.saveDeviceCost());
        Button save = new Button("Save");
        save.setId("device-cost-save");
        save.setOnAction(e -> model.saveDeviceCost());
        HBox row = new HBox(8, new Label("USD per hour"), cost, save);
        row.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("local-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());

        getChildren().addAll(title, intro, table, addTitle, addRow, bar, progress, costTitle, costHelp, row, message);
    }
}
