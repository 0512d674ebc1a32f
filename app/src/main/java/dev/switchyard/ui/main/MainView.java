package dev.switchyard.ui.main;

import dev.switchyard.ui.Screen;
import dev.switchyard.ui.Styles;
import java.util.List;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window: menu, workspace header, a navigation bar of screens, the selected screen and a status bar. */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    private final List<Screen> screens;
    private final ToggleGroup nav = new ToggleGroup();
    private MenuBar menuBar;
    private HBox statusBar;

    public MainView(MainViewModel model, List<Screen> screens) {
        this.model = model;
        this.screens = List.copyOf(screens);
        setId("main-view");
        getStyleClass().add(Styles.APP_ROOT);
        createView();
    }

    private void createView() {
        menuBar = menuBar();
        VBox top = new VBox(menuBar, header(), failure());
        setTop(top);
        setLeft(navigation());

        Label status = new Label();
        status.setId("status-message");
        status.textProperty().bind(model.messageProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        statusBar = bar;
        setBottom(bar);
        show(screens.get(0).id());
        tellScreensWhenTheWindowIsFocused();
    }

    /**
     * The screen shown when the window gets the focus back hears it ({@link Screen#windowFocused}): what the CLI added
     * to the workspace from a terminal meanwhile shows without File → Refresh.
     */
    private void tellScreensWhenTheWindowIsFocused() {
        javafx.beans.value.ChangeListener<Boolean> focused = (obs, was, now) -> {
            if (Boolean.TRUE.equals(now) && !Boolean.TRUE.equals(was) && nav.getSelectedToggle() != null) {
                ((Screen) nav.getSelectedToggle().getUserData()).windowFocused();
            }
        };
        sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(Window::focusedProperty)
                .addListener(focused);
    }

    private VBox navigation() {
        VBox box = new VBox(2);
        box.getStyleClass().add(Styles.NAV);
        for (Screen screen : screens) {
            ToggleButton b = new ToggleButton(screen.title());
            b.setId("nav-" + screen.id());
            b.setToggleGroup(nav);
            b.setUserData(screen);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add(Styles.NAV_BUTTON);
            box.getChildren().add(b);
        }
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                setCenter(((Screen) now.getUserData()).view());
                // a screen chosen from elsewhere (a link, Get started after opening a workspace) takes the keyboard
                // focus from the button it replaces, which would otherwise keep its focus ring beside the selection
                if (old != null && getScene() != null && getScene().getFocusOwner() == old) {
                    ((ToggleButton) now).requestFocus();
                }
            }
        });
        return box;
    }

    /** Shows the screen with this id; {@code "models/local"} also shows that part of it ({@link Screen#focus}). */
    public void show(String screenId) {
        String[] target = screenId.split("/", 2);
        nav.getToggles().stream().filter(t -> ((Screen) t.getUserData()).id().equals(target[0])).findFirst()
                .ifPresent(t -> {
                    t.setSelected(true);
                    if (target.length > 1) {
                        ((Screen) t.getUserData()).focus(target[1]);
                    }
                });
    }

    /** Appends a menu after File (app chrome: View). */
    public void addMenu(Menu menu) {
        menuBar.getMenus().add(menu);
    }

    /** Adds an item at the right end of the status bar (app chrome: network indicator). */
    public void addStatusItem(javafx.scene.Node item) {
        if (statusBar.getChildren().size() == 1) {
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            statusBar.getChildren().add(grow);
        }
        statusBar.getChildren().add(item);
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open workspace…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            if (mayLeave("Open another workspace")) {
                choose(false, model::open);
            }
        });
        MenuItem create = new MenuItem("New workspace…");
        create.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        create.setOnAction(e -> {
            if (mayLeave("Open another workspace")) {
                choose(true, file -> model.open(MainViewModel.withWorkspaceExtension(file)));
            }
        });
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(KeyCombination.keyCombination("F5"));
        refresh.setOnAction(e -> model.refresh());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            if (mayLeave("Quit")) {
                getScene().getWindow().hide();
            }
        });
        return new MenuBar(new Menu("File", null, open, create, refresh, quit));
    }

    /**
     * When no workspace could be opened (a newer one, not SQLite, read-only…), the window says so where a user looks,
     * with the way out, instead of screens that read as an empty workspace and a sentence in the status bar only.
     */
    private HBox failure() {
        Label text = new Label();
        text.setId("workspace-failure");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> "No workspace is open. " + model.messageProperty().get(),
                model.messageProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Button open = new javafx.scene.control.Button("Open workspace…");
        open.setId("workspace-failure-open");
        open.setOnAction(e -> choose(false, model::open));
        javafx.scene.control.Button create = new javafx.scene.control.Button("New workspace…");
        create.setId("workspace-failure-new");
        create.setOnAction(e -> choose(true, file -> model.open(MainViewModel.withWorkspaceExtension(file))));
        open.setMinWidth(Region.USE_PREF_SIZE);
        create.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(12, text, open, create);
        box.getStyleClass().add("workspace-failure");
        var failed = model.modeProperty().isEqualTo(MainViewModel.Mode.FAILED);
        box.visibleProperty().bind(failed);
        box.managedProperty().bind(failed);
        return box;
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

    /**
     * Whether the workspace may close now for {@code action} ("Quit", "Open another workspace"): true when no screen
     * holds unsaved work or the user chose to drop it; false when they cancelled (nothing changes).
     */
    public boolean mayLeave(String action) {
        javafx.scene.Node typing = leaveTheFieldBeingTyped();
        List<String> unsaved = screens.stream().map(Screen::unsavedWork).filter(w -> w != null).toList();
        if (unsaved.isEmpty() || getScene() == null) {
            return true;
        }
        boolean leave = dev.switchyard.ui.Dialogs.confirm(this, "Unsaved changes", "Leave without saving?",
                "Not saved yet: " + String.join(", ", unsaved) + ". " + action + " and they are lost; Cancel to go back "
                        + "and save them.", action);
        if (!leave && typing != null && typing.getScene() == getScene()) {
            typing.requestFocus(); // back to typing where the user was
        }
        return leave;
    }

    /**
     * Takes the keyboard focus off the control being typed in, so that a field that takes its text only on Enter or when
     * it is left (the routing designer's Inspector) takes it now and its screen counts it as unsaved; a menu or the
     * window's close button does not take the focus. Returns that control (null when none), to give the focus back.
     */
    private javafx.scene.Node leaveTheFieldBeingTyped() {
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        if (owner == null || owner == this) {
            return null;
        }
        requestFocus();
        return owner;
    }

    private void choose(boolean create, Consumer<Path> then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(create ? "New workspace" : "Open workspace");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Switchyard workspace", "*.switchyard"));
        String current = model.workspaceFileProperty().get();
        java.io.File folder = current == null || current.isBlank() ? null : new java.io.File(current).getAbsoluteFile().getParentFile();
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder); // beside the open workspace, not wherever the app was started
        }
        Window window = getScene().getWindow();
        var file = create ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
        if (file != null) {
            then.accept(file.toPath());
        }
    }
}
