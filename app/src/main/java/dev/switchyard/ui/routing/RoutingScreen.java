package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.app.routing.edit.DesignerBackend;
import dev.switchyard.ui.Dialogs;
import dev.switchyard.ui.Screen;
import dev.switchyard.ui.WrapRow;
import dev.switchyard.ui.history.SaveFileChooser;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Routing screen: toolbar (policy name, new / open, undo / redo, save with a note), the palette, the
 * policy canvas, and on the right the inspector, the test panel and the versions.
 */
public final class RoutingScreen implements Screen {

    /** The screen's stylesheet (scoped by #routing-screen; variables from the theme). */
    public static final String CSS = "/assets/css/routing.css";

    private final RoutingViewModel vm;
    private final BorderPane view = new BorderPane();
    /** The shortcut key being held: auto-repeat (X11 repeats a held key) must not undo the whole history. */
    private KeyCode held;
    private SaveFileChooser saveChooser = SaveFileChooser.nativeDialog();
    private Function<Window, Path> openChooser = RoutingScreen::chooseImport;

    public RoutingScreen(RoutingViewModel vm, ReadOnlyObjectProperty<Workspace> workspace,
                         Function<Workspace, DesignerBackend> backends) {
        this.vm = vm;
        view.setId("routing-screen");
        view.setUserData(this); // tests reach setFileChoosers through the view
        dev.switchyard.ui.SceneStylesheets.use(view, CSS);
        view.setTop(toolbar());
        PolicyCanvas canvas = new PolicyCanvas(vm.designer(), vm.test());
        ScrollPane canvasScroll = new ScrollPane(new javafx.scene.Group(canvas));
        fitToWidth(canvas, canvasScroll);
        canvasScroll.setId("canvas-scroll");
        canvasScroll.getStyleClass().add("canvas-scroll");
        Palette palette = new Palette(vm.designer());
        palette.setMinWidth(132); // "Characters", "Complexity" whole beside the scroll bar
        palette.setMaxWidth(150);
        SplitPane split = new SplitPane(palette, canvasScroll, tabs());
        split.setDividerPositions(0.11, 0.69);
        SplitPane.setResizableWithParent(palette, false);
        view.setCenter(split);
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        view.addEventFilter(KeyEvent.KEY_RELEASED, e -> held = null);
        workspace.addListener((o, a, ws) -> vm.attach(ws == null ? null : backends.apply(ws)));
        if (workspace.get() != null) {
            vm.attach(backends.apply(workspace.get()));
        }
    }

    /** The dialogs that pick the file to import and where to export (tests answer them without a native dialog). */
    public void setFileChoosers(SaveFileChooser save, Function<Window, Path> open) {
        this.saveChooser = save;
        this.openChooser = open;
    }

    private static Path chooseImport(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a routing policy");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Policy files (JSON)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        java.io.File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Asks for a policy file and imports it (Import… in the Versions tab, New → From a file… in the toolbar). */
    private void importFile() {
        Path f = openChooser.apply(view.getScene().getWindow());
        if (f != null) {
            vm.files().importFrom(f);
        }
    }

    private void exportFile() {
        Path f = saveChooser.choose(view.getScene().getWindow(), "Export the routing policy", vm.files().suggestedFileName(),
                "json");
        if (f != null) {
            vm.files().exportTo(f);
        }
    }

    /** The questions of an import and of whatever replaces unsaved edits, as dialogs owned by the window. */
    private void askThroughDialogs() {
        vm.files().setAskName(q -> Dialogs.askText(view, "Import a policy", "Import " + q.fileName() + " as the policy",
                q.proposed(), q::consequence, "Import"));
        // New, Open saved…, Restore and Import all ask this before they replace unsaved edits in the designer
        vm.versions().setAskToSave(question -> Dialogs.askToSave(view, "Unsaved changes", question,
                "The designer's changes since the last saved version are lost if you don't save them."));
    }

    /** Import… and Export… of the Versions tab. */
    private HBox fileButtons() {
        Button importFile = Inspector.button("Import…", "policy-import", this::importFile);
        importFile.setTooltip(new Tooltip("Add a policy JSON file (as switchyard policy save reads it) as a new version"));
        Button exportFile = Inspector.button("Export…", "policy-export", this::exportFile);
        exportFile.setTooltip(new Tooltip("Write the saved version shown to a JSON file that switchyard policy validate reads"));
        return new HBox(6, importFile, exportFile);
    }

    /** Scales the canvas down (not below 60 %) when the viewport is narrower than the flow. */
    private static void fitToWidth(Region canvas, ScrollPane scroll) {
        Runnable fit = () -> {
            double width = scroll.getViewportBounds().getWidth();
            double pref = canvas.prefWidth(-1);
            double scale = width <= 0 || pref <= 0 ? 1 : Math.max(0.6, Math.min(1, (width - 4) / pref));
            canvas.setScaleX(scale);
            canvas.setScaleY(scale);
        };
        scroll.viewportBoundsProperty().addListener((o, a, b) -> fit.run());
        canvas.prefWidthProperty().addListener((o, a, b) -> fit.run());
    }

    private WrapRow toolbar() {
        DesignerViewModel d = vm.designer();
        VersionsViewModel v = vm.versions();
        TextField name = new TextField();
        name.setId("policy-name");
        name.setPrefColumnCount(12);
        name.setMinWidth(100);
        name.textProperty().bindBidirectional(v.nameProperty());
        Label isDefault = new Label("★ default");
        isDefault.setId("policy-default");
        isDefault.getStyleClass().add("default-marker");
        isDefault.visibleProperty().bind(v.nameProperty().isEqualTo(v.defaultPolicyProperty()));
        isDefault.managedProperty().bind(isDefault.visibleProperty());

        MenuButton create = new MenuButton("New");
        create.setId("policy-new");
        MenuItem empty = new MenuItem("Empty policy");
        empty.setId("new-empty");
        empty.setOnAction(e -> v.startNew(null));
        create.getItems().add(empty);
        for (String t : PolicyTemplates.NAMES) {
            MenuItem item = new MenuItem("From template: " + t);
            item.setId("new-template-" + t);
            item.setOnAction(e -> v.startNew(t));
            create.getItems().add(item);
        }
        MenuItem fromFile = new MenuItem("From a file…");
        fromFile.setId("new-from-file");
        fromFile.setOnAction(e -> importFile());
        create.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), fromFile);
        ComboBox<String> open = new ComboBox<>(v.policies());
        open.setId("policy-open");
        open.setPromptText("Open saved…");
        open.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.equals(v.defaultPolicyProperty().get()) ? item + "  ★ default" : item);
            }
        });
        open.setOnAction(e -> {
            String chosen = open.getValue();
            if (chosen != null) {
                // after the list has closed: opening may first ask about unsaved edits in a dialog
                javafx.application.Platform.runLater(() -> {
                    open.setValue(null);
                    v.open(chosen);
                });
            }
        });
        Button undo = Inspector.button("Undo", "undo", d::undo);
        undo.disableProperty().bind(d.canUndoProperty().not());
        Button redo = Inspector.button("Redo", "redo", d::redo);
        redo.disableProperty().bind(d.canRedoProperty().not());
        TextField note = new TextField();
        note.setId("save-note");
        note.setPromptText("Version note");
        note.textProperty().bindBidirectional(v.noteProperty());
        note.setMinWidth(100);
        Button save = Inspector.button("Save version", "save-policy", v::save);
        save.getStyleClass().add("accent");
        Label dirty = new Label("● unsaved");
        dirty.getStyleClass().add("dirty-marker");
        dirty.visibleProperty().bind(v.unsavedProperty()); // an edited policy, or another name typed
        Label message = new Label();
        message.setId("designer-message");
        message.getStyleClass().add("problem-text");
        message.textProperty().bind(d.messageProperty());
        message.setMaxWidth(260);
        Label policy = Inspector.label("Policy");
        for (Region r : new Region[] {policy, isDefault, create, open, undo, redo, dirty, save}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox edit = new HBox(8, policy, name, isDefault, create, open, undo, redo, dirty, message);
        HBox.setHgrow(edit, Priority.ALWAYS);
        HBox keep = new HBox(8, note, save);
        edit.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        keep.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        // the version note and Save go to a line of their own when the window is too narrow for one row
        WrapRow bar = new WrapRow(8, edit, keep);
        bar.setId("routing-toolbar");
        bar.getStyleClass().add("routing-toolbar");
        return bar;
    }

    private TabPane tabs() {
        Tab inspect = new Tab("Inspector", new Inspector(vm.designer()));
        inspect.setId("tab-inspector");
        // in a short window the test panel scrolls rather than squeezing its trace and features to a row each
        ScrollPane testScroll = new ScrollPane(new TestPanelView(vm.test()));
        testScroll.setFitToWidth(true);
        testScroll.setFitToHeight(true);
        testScroll.setId("test-scroll");
        testScroll.getStyleClass().add("test-scroll");
        Tab test = new Tab("Test", testScroll);
        test.setId("tab-test");
        askThroughDialogs();
        Tab versions = new Tab("Versions", new VersionsView(vm.versions(), fileButtons()));
        versions.setId("tab-versions");
        TabPane tabs = new TabPane(inspect, test, versions);
        tabs.setId("routing-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinWidth(340);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) ->
                vm.modeProperty().set(RoutingViewModel.Mode.values()[i.intValue()]));
        vm.modeProperty().addListener((o, a, m) -> tabs.getSelectionModel().select(m.ordinal()));
        vm.designer().selectionProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.modeProperty().set(RoutingViewModel.Mode.INSPECT);
            }
        });
        return tabs;
    }

    private void keys(KeyEvent e) {
        Node focus = view.getScene() == null ? null : view.getScene().getFocusOwner();
        if (focus instanceof TextInputControl || (focus instanceof ComboBox<?> c && c.isEditable())) {
            return;
        }
        DesignerViewModel d = vm.designer();
        if (e.isShortcutDown() && (e.getCode() == KeyCode.Z || e.getCode() == KeyCode.Y) && held == e.getCode()) {
            e.consume();
            return;
        }
        if (e.isShortcutDown() && (e.getCode() == KeyCode.Z || e.getCode() == KeyCode.Y)) {
            held = e.getCode();
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            if (e.isShiftDown()) {
                d.redo();
            } else {
                d.undo();
            }
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Y) {
            d.redo();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && d.selectedRule() >= 0) {
            d.removeRule(d.selectedRule());
            e.consume();
        }
    }

    @Override
    public String id() {
        return "routing";
    }

    @Override
    public String title() {
        return "Routing";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public String unsavedWork() {
        return vm.versions().unsavedWork(); // the policy edited, or only renamed
    }
}
