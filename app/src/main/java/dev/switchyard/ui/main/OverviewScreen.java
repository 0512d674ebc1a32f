package dev.switchyard.ui.main;

import dev.switchyard.ui.Screen;
import dev.switchyard.ui.Styles;
import dev.switchyard.ui.history.SaveFileChooser;
import dev.switchyard.ui.task.TaskRunner;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The workspace overview: what the open workspace holds (one card per kind of row; its file and schema version are in
 * the window's header), and the tools of the CLI's {@code workspace} command — Export (one JSON file, no keys), Import
 * (merge such a file) and Check.
 */
public final class OverviewScreen implements Screen {

    private final MainViewModel model;
    private final WorkspaceToolsModel tools;
    private final FlowPane cards = new FlowPane(12, 12);
    private final VBox view;
    private SaveFileChooser saveChooser = SaveFileChooser.nativeDialog();
    private Function<Window, Path> openChooser = OverviewScreen::chooseImport;

    public OverviewScreen(MainViewModel model, TaskRunner tasks) {
        this.model = model;
        this.tools = new WorkspaceToolsModel(tasks, model);
        Label title = new Label("Workspace overview");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        cards.setId("count-cards");
        view = new VBox(12, title, cards, tools());
        view.setPadding(new Insets(20));
        view.setId("overview-view");
        view.getStyleClass().add("screen");
        view.setUserData(this); // tests reach setFileChoosers through the view
        model.counts().addListener((ListChangeListener<MainViewModel.CountRow>) c -> render());
        // counted again each time the screen shows: runs made on other screens since are in the cards
        view.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                model.recount();
            }
        });
        render();
    }

    /** The dialogs that pick the export file and the file to import (tests answer them). */
    public void setFileChoosers(SaveFileChooser save,
                                Function<Window, Path> open) {
        this.saveChooser = save;
        this.openChooser = open;
    }

    private VBox tools() {
        Label caption = new Label("Back up, merge and check");
        caption.getStyleClass().add(Styles.SECTION_TITLE);
        Button export = new Button("Export…");
        export.setId("workspace-export");
        export.setTooltip(new Tooltip("Write the whole workspace to one JSON file (no keys)"));
        export.setOnAction(e -> {
            Path f = saveChooser.choose(view.getScene().getWindow(), "Export the workspace",
                    model.workspaceNameProperty().get() + "-export.json", "json");
            if (f != null) {
                tools.export(f);
            }
        });
        Button importFile = new Button("Import…");
        importFile.setId("workspace-import");
        importFile.setTooltip(new Tooltip("Merge an export into this workspace: rows it has already are skipped"));
        importFile.setOnAction(e -> {
            Path f = openChooser.apply(view.getScene().getWindow());
            if (f != null) {
                tools.importFrom(f);
            }
        });
        Button check = new Button("Check");
        check.setId("workspace-check");
        check.setTooltip(new Tooltip("Integrity, foreign keys, migrations and the text index"));
        check.setOnAction(e -> tools.check());
        for (Button b : List.of(export, importFile, check)) {
            b.disableProperty().bind(tools.busyProperty().or(model.workspaceProperty().isNull()));
        }
        HBox buttons = new HBox(8, export, importFile, check);
        Label message = new Label();
        message.setId("workspace-tools-message");
        message.setWrapText(true);
        message.textProperty().bind(tools.messageProperty());
        VBox details = new VBox(2);
        details.setId("workspace-tools-details");
        tools.details().addListener((ListChangeListener<String>) c -> details.getChildren().setAll(tools.details().stream()
                .map(line -> {
                    Label l = new Label(line);
                    l.setWrapText(true);
                    l.getStyleClass().add("muted");
                    return l;
                }).toList()));
        return new VBox(8, caption, buttons, message, details);
    }

    private static Path chooseImport(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a workspace export");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Workspace exports (JSON)", "*.json"));
        File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    @Override
    public String id() {
        return "overview";
    }

    @Override
    public String title() {
        return "Workspace";
    }

    @Override
    public Node view() {
        return view;
    }

    private void render() {
        cards.getChildren().setAll(model.counts().stream().map(OverviewScreen::card).toList());
    }

    private static VBox card(MainViewModel.CountRow row) {
        Label value = new Label(String.format("%,d", row.count()));
        value.getStyleClass().add(Styles.CARD_VALUE);
        value.setId("count-" + row.key());
        Label label = new Label(row.label());
        label.getStyleClass().add(Styles.CARD_LABEL);
        label.setId("count-" + row.key() + "-label");
        VBox card = new VBox(4, value, label);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }
}
