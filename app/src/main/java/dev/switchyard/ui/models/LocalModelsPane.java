package dev.switchyard.ui.models;

import dev.switchyard.app.models.LocalModelManager;
import dev.switchyard.ui.Dialogs;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The local-models tab: the workspace's local generative and intent models with their status and files (remove one,
 * and free the disk space of a download), adding a model, and the device cost per hour.
 */
final class LocalModelsPane extends VBox {

    private final LocalModelsModel model;

    LocalModelsPane(LocalModelsModel model) {
        super(12);
        this.model = model;
        setId("local-models");
        getStyleClass().add("detail-pane");

        Label title = new Label("Local models");
        title.getStyleClass().add("section-title");
        Label intro = new Label("Models that run on this machine: generative ONNX models and the embedded intent model. "
                + "They work with the network unplugged.");
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        TableView<LocalModelRow> table = new TableView<>(model.models());
        table.setId("local-models-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        java.util.function.Function<LocalModelRow, String> tip = r -> ProviderDetailPane.modelTip(
                r.model().displayName(), r.model().apiModelId(), null) + "\n" + r.kindText();
        table.getColumns().add(ProviderDetailPane.col("Model", r -> r.model().displayName(), tip));
        table.getColumns().add(ProviderDetailPane.col("Kind", LocalModelRow::kindText));
        table.getColumns().add(ProviderDetailPane.col("Id", r -> r.model().apiModelId(), tip));
        table.getColumns().add(ProviderDetailPane.col("Context", LocalModelRow::contextText));
        table.getColumns().add(ProviderDetailPane.col("Status", LocalModelRow::statusText));
        table.getColumns().add(ProviderDetailPane.col("Files", LocalModelRow::filesText));
        double[] widths = {220, 120, 170, 70, 100};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]); // the last column, Files, takes the rest
        }
        Label none = new Label("No local models in this workspace yet.");
        none.getStyleClass().add("muted");
        table.setPlaceholder(none);
        VBox.setVgrow(table, Priority.ALWAYS);
        // a few rows at least: in a short window the pane scrolls rather than squeezing the table and cutting its texts
        table.setMinHeight(130);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((o, a, row) -> { // kept across File → Refresh
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });

        Button remove = new Button("Remove…");
        remove.setId("local-remove");
        remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.removingProperty().get()
                || model.selectedProperty().get() == null || !model.selectedProperty().get().removable(),
                model.selectedProperty(), model.removingProperty()));
        remove.setOnAction(e -> confirmRemove(model));
        Label removeHelp = new Label("Removing a model takes it off the model picker; a model that Switchyard downloaded can "
                + "also free its disk space.");
        removeHelp.getStyleClass().add("muted");
        removeHelp.setWrapText(true);
        removeHelp.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button check = new Button("Check files");
        check.setId("local-check");
        check.setTooltip(new javafx.scene.control.Tooltip("Reads every file of the model and compares it with what was "
                + "recorded when it was imported or downloaded. The model picker only compares sizes and dates."));
        check.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.checkingProperty().get()
                || model.busyProperty().get() || model.selectedProperty().get() == null
                || !model.selectedProperty().get().removable(),
                model.selectedProperty(), model.checkingProperty(), model.busyProperty()));
        check.setOnAction(e -> model.checkSelectedFiles());
        for (Button b : java.util.List.of(remove, check)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox removeRow = new HBox(8, check, remove, removeHelp);
        removeRow.setAlignment(Pos.CENTER_LEFT);
        VBox fixBox = fixBox(model);

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
        pick.setPrefWidth(320);
        javafx.scene.control.ComboBox<dev.switchyard.local.catalog.CatalogPrecision> precision =
                new javafx.scene.control.ComboBox<>();
        precision.setId("local-precision");
        precision.setTooltip(new javafx.scene.control.Tooltip("The file to download; another precision than the "
                + "recommended one is added as its own model, to compare the two side by side."));
        Runnable fillPrecisions = () -> precision.getItems().setAll(model.chosenProperty().get() == null
                ? java.util.List.of() : model.chosenProperty().get().precisions());
        model.chosenProperty().addListener((o, a, b) -> fillPrecisions.run());
        fillPrecisions.run();
        precision.valueProperty().bindBidirectional(model.precisionProperty());
        // the field shows the precision's id and size; the list also says what each one is
        precision.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.switchyard.local.catalog.CatalogPrecision p) {
                return precisionText(p, false);
            }

            @Override
            public dev.switchyard.local.catalog.CatalogPrecision fromString(String s) {
                return null;
            }
        });
        precision.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(dev.switchyard.local.catalog.CatalogPrecision p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : precisionText(p, true));
            }
        });
        precision.setPrefWidth(265);
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
                importChosen(dir.toPath());
            }
        });
        for (Button b : java.util.List.of(download, stop, importButton)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the choosers give way first
        }
        HBox addRow = new HBox(8, pick, precision, download, stop, importButton);
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
        costHelp.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        message.setWrapText(true); // a failed download's reason and what to do read whole
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // a download from a mirror that failed (the mirror gone, say): the way back to the catalog's hub
        Button fromHub = new Button("Download from Hugging Face");
        fromHub.setId("local-from-hub");
        fromHub.setTooltip(new javafx.scene.control.Tooltip("Gets the files from the hub instead of the mirror, and "
                + "stops using the mirror for this model."));
        fromHub.visibleProperty().bind(model.hubOfferedProperty().and(model.busyProperty().not()));
        fromHub.managedProperty().bind(fromHub.visibleProperty());
        fromHub.setOnAction(e -> model.downloadFromHub());

        getChildren().addAll(title, intro, table, fixBox, removeRow, addTitle, addRow, bar, progress, costTitle, costHelp, row,
                message, fromHub);
    }

    /**
     * Under the table, for a selected model whose files changed or went missing: what is wrong, naming the files, and the
     * action that fixes it — Download again (a catalog model), Import again (an imported folder that is there) or Import
     * again from… (one that was moved: choose where it is now); Remove… beside it stays the other way out.
     */
    private VBox fixBox(LocalModelsModel model) {
        Label problem = new Label();
        problem.setId("local-problem");
        problem.getStyleClass().add("state-blocked");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button fix = new Button();
        fix.setId("local-fix");
        fix.getStyleClass().add("accent");
        fix.disableProperty().bind(model.busyProperty());
        fix.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Download again" whole beside a long sentence
        fix.setOnAction(e -> {
            LocalModelRow row = model.selectedProperty().get();
            if (row != null && row.fix() == LocalModelRow.Fix.LOCATE_FOLDER) {
                javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
                chooser.setTitle("Where is the folder of " + row.model().displayName() + " now?");
                java.io.File dir = chooser.showDialog(getScene().getWindow());
                if (dir != null) {
                    model.importSelectedAgain(dir.toPath());
                }
            } else {
                model.fixSelected();
            }
        });
        Label how = new Label();
        how.setId("local-fix-how");
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        how.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, fix, how);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, problem, actions);
        box.setId("local-fix-box");
        box.getStyleClass().add("local-fix-box");
        Runnable show = () -> {
            LocalModelRow row = model.selectedProperty().get();
            boolean broken = row != null && !row.ok();
            box.setVisible(broken);
            box.setManaged(broken);
            if (!broken) {
                return;
            }
            problem.setText(row.problemText());
            LocalModelRow.Fix f = row.fix();
            fix.setText(switch (f) {
                case DOWNLOAD_AGAIN -> "Download again";
                case IMPORT_AGAIN -> "Import again";
                case LOCATE_FOLDER -> "Import again from…";
                case NONE -> "";
            });
            fix.setVisible(f != LocalModelRow.Fix.NONE);
            fix.setManaged(fix.isVisible());
            how.setText(switch (f) {
                case DOWNLOAD_AGAIN -> "Replaces the files that changed" + (row.mirror() == null ? ""
                        : ", from the mirror " + row.mirror() + " it was downloaded from") + "; the runs it has stay "
                        + "in History.";
                case IMPORT_AGAIN -> "Once its files are complete again (or replaced on purpose): checks the folder with "
                        + "the engine and records its files as they are now.";
                case LOCATE_FOLDER -> "Choose where the folder is now; the model keeps its runs in History.";
                case NONE -> "";
            } + " Or remove it.");
        };
        model.selectedProperty().addListener((o, a, b) -> show.run());
        show.run();
        return box;
    }

    /** Asks before removing the selected model; offers to delete its files only when Switchyard downloaded them. */
    private void confirmRemove(LocalModelsModel model) {
        LocalModelRow row = model.selectedProperty().get();
        if (row == null || !row.removable()) {
            return;
        }
        Label what = new Label("It leaves the model picker and the lists of this workspace. If History has runs of it, "
                + "its row stays so that they stay readable; importing or downloading it again brings it back.");
        what.setWrapText(true);
        CheckBox deleteFiles = new CheckBox();
        deleteFiles.setId("local-remove-files");
        deleteFiles.setWrapText(true);
        VBox content = new VBox(10, what);
        if (row.files() != null && row.files().downloaded() && row.files().present()) {
            deleteFiles.setText("Also delete its files (" + row.sizeText() + " in "
                    + row.files().folder() + "). Other workspaces on this computer that use this download will need to "
                    + "download it again.");
            content.getChildren().add(deleteFiles);
        } else if (row.files() != null && row.files().present()) {
            Label kept = new Label("Its folder " + row.files().folder() + " was imported, so it stays on disk.");
            kept.setWrapText(true);
            content.getChildren().add(kept);
        }
        content.setPrefWidth(460);
        String header = "Remove " + row.model().displayName() + "?";
        if (Dialogs.confirm(this, "Remove a local model", header, content, "Remove")) {
            model.removeSelected(deleteFiles.isSelected());
        }
    }

    /**
     * Imports a chosen folder; when it holds several runnable ONNX files (an onnx-community clone has fp32, int8, 4-bit
     * and float16 ones), asks which one should run, with each one's size and what it is, the engine's default first.
     * Another file of the same folder is imported as its own model, to compare the two side by side.
     */
    void importChosen(java.nio.file.Path dir) {
        model.variants(dir, variants -> importChosen(dir, variants));
    }

    private void importChosen(java.nio.file.Path dir, java.util.List<LocalModelManager.Variant> variants) {
        if (variants.size() <= 1) {
            model.importFolder(dir);
            return;
        }
        javafx.scene.control.ChoiceDialog<LocalModelManager.Variant> ask =
                new javafx.scene.control.ChoiceDialog<>(variants.get(0), variants);
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Import " + dir.getFileName());
        ask.setHeaderText(dir.getFileName() + " holds " + variants.size() + " ONNX files. Which one should run?");
        ask.setContentText("File:");
        ask.getDialogPane().setId("variant-dialog");
        javafx.scene.control.ComboBox<?> box = (javafx.scene.control.ComboBox<?>) ask.getDialogPane().lookup(".combo-box");
        if (box != null) {
            box.setId("variant-choice");
        }
        ask.setGraphic(null);
        javafx.util.StringConverter<LocalModelManager.Variant> text = new javafx.util.StringConverter<>() {
            @Override
            public String toString(LocalModelManager.Variant v) {
                return v == null ? "" : v.file() + " · " + LocalModelRow.megabytes(v.bytes()) + " · " + v.note()
                        + (v.preferred() ? " (default)" : "");
            }

            @Override
            public LocalModelManager.Variant fromString(String s) {
                return null;
            }
        };
        if (box != null) {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<LocalModelManager.Variant> typed = (javafx.scene.control.ComboBox<LocalModelManager.Variant>) box;
            typed.setConverter(text);
        }
        Label hint = new Label("To compare two of them side by side, import the folder again and choose the other.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        ask.getDialogPane().setExpandableContent(null);
        ask.getDialogPane().setContent(new javafx.scene.layout.VBox(8, ask.getDialogPane().getContent(), hint));
        ask.showAndWait().ifPresent(v -> model.importFolder(dir, v.preferred() ? null : v.file()));
    }

    /** "q4 · ~200 MB · recommended", with what the precision is when {@code described} (the drop-down list). */
    static String precisionText(dev.switchyard.local.catalog.CatalogPrecision p, boolean described) {
        if (p == null) {
            return "";
        }
        Long size = p.approxSizeBytes();
        return p.id() + (size == null ? "" : String.format(java.util.Locale.ROOT, " · ~%,d MB", size / 1_000_000))
                + (p.recommended() ? " · recommended" : "") + (described ? " — " + p.label() : "");
    }
}
