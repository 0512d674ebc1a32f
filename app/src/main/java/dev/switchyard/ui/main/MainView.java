package dev.switchyard.ui.main;

import dev.switchyard.ui.Styles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window's content: menu, workspace header, overview cards and a status bar. */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    private final FlowPane cards = new FlowPane(12, 12);

    public MainView(MainViewModel model) {
        this.model = model;
        setId("main-view");
        getStyleClass().add(Styles.APP_ROOT);
        createView();
        bind();
    }

    private void createView() {
        VBox top = new VBox(menuBar(), header());
        setTop(top);

        Label overviewTitle = new Label("Workspace overview");
        overviewTitle.getStyleClass().add(Styles.SECTION_TITLE);
        cards.setId("count-cards");
        VBox center = new VBox(12, overviewTitle, cards);
        center.setPadding(new Insets(20));
        setCenter(center);

        Label status = new Label();
        status.setId("status-message");
        status.textProperty().bind(model.messageProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        setBottom(bar);
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open workspace…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> choose(false, model::open));
        MenuItem create = new MenuItem("New workspace…");
        create.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        create.setOnAction(e -> choose(true, model::open));
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(KeyCombination.keyCombination("F5"));
        refresh.setOnAction(e -> model.refresh());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        return new MenuBar(new Menu("File", null, open, create, refresh, quit));
    }

    private HBox header() {
        Label app = new Label("Switchyard");
        app.getStyleClass().add(Styles.APP_TITLE);
        Label name = new Label();
        name.setId("workspace-name");
        name.getStyleClass().add(Styles.WORKSPACE_NAME);
        name.textProperty().bind(model.workspaceNameProperty());
        Label file = new Label();
        file.setId("workspace-file");
        file.getStyleClass().add(Styles.MUTED);
        file.textProperty().bind(Bindings.concat(model.workspaceFileProperty(), "   ", model.schemaTextProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(16, app, name, grow, file);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    private void bind() {
        model.counts().addListener((ListChangeListener<MainViewModel.CountRow>) c -> renderCounts());
        renderCounts();
    }

    private void renderCounts() {
        cards.getChildren().setAll(model.counts().stream().map(MainView::card).toList());
    }

    private static VBox card(MainViewModel.CountRow row) {
        Label value = new Label(String.format("%,d", row.count()));
        value.getStyleClass().add(Styles.CARD_VALUE);
        value.setId("count-" + row.key());
        Label label = new Label(row.label());
        label.getStyleClass().add(Styles.CARD_LABEL);
        VBox card = new VBox(4, value, label);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    private void choose(boolean create, Consumer<Path> then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(create ? "New workspace" : "Open workspace");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Switchyard workspace", "*.switchyard"));
        Window window = getScene().getWindow();
        var file = create ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
        if (file != null) {
            then.accept(file.toPath());
        }
    }
}
