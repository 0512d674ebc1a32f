package dev.switchyard.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Name, system and user message, the {{variables}} table and the generation parameters of one prompt. */
final class PromptEditorView extends VBox {

    private final PromptEditorModel editor;

    /** {@code libraryShown}: whether the saved-prompts sidebar shows (the "Prompts" toggle at the left of the name). */
    PromptEditorView(PromptEditorModel editor, PromptLibraryModel library, javafx.beans.property.BooleanProperty libraryShown) {
        this.editor = editor;
        getStyleClass().add("prompt-editor");
        TextField name = new TextField();
        name.setId("prompt-name");
        name.setPromptText("Prompt name (to save it)");
        name.textProperty().bindBidirectional(editor.nameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        Label version = new Label();
        version.setId("prompt-version");
        version.getStyleClass().add("version-chip");
        version.textProperty().bind(editor.versionTextProperty());
        Button save = new Button("Save");
        save.setId("save-prompt");
        save.setOnAction(e -> library.save());
        javafx.scene.control.ToggleButton prompts = new javafx.scene.control.ToggleButton("Prompts");
        prompts.setId("toggle-library");
        prompts.setTooltip(new javafx.scene.control.Tooltip("Show or hide the saved prompts (Ctrl+Shift+L)"));
        prompts.setFocusTraversable(false);
        prompts.selectedProperty().bindBidirectional(libraryShown);
        HBox head = new HBox(8, prompts, name, version, save);
        head.setAlignment(Pos.CENTER_LEFT);

        TextArea system = area("system-message", "System message (optional)", editor.systemProperty(), 2);
        TextArea user = area("user-message", "User message — use {{name}} for variables", editor.userProperty(), 4);
        VBox.setVgrow(user, Priority.ALWAYS);
        // four lines to type in even in a 720 px window (compare.css, #user-message): the editor's least height holds
        // the divider below it (the text area was squeezed to two lines, about 50 px, and the answers took the rest)
        getChildren().addAll(head, system, user, variablesHolder(), params());
    }

    /** The variables table, built when the prompt first has a variable (a table skin is costly at start-up). */
    private VBox variablesHolder() {
        VBox holder = new VBox();
        holder.visibleProperty().bind(Bindings.isNotEmpty(editor.variables()));
        holder.managedProperty().bind(holder.visibleProperty());
        Runnable build = () -> {
            if (holder.getChildren().isEmpty() && !editor.variables().isEmpty()) {
                holder.getChildren().add(variables());
            }
        };
        editor.variables().addListener((javafx.collections.ListChangeListener<VariableRow>) c -> build.run());
        build.run();
        return holder;
    }

    private static TextArea area(String id, String prompt, StringProperty text, int rows) {
        TextArea a = dev.switchyard.ui.TabMovesFocus.install(new TextArea());
        a.setId(id);
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(text);
        a.getStyleClass().add("prompt-area");
        return a;
    }

    private TableView<VariableRow> variables() {
        TableView<VariableRow> table = new TableView<>(editor.variables());
        table.setId("variables-table");
        // Tab from the user message goes into the first value field, not to the table itself: a focused table takes
        // no typing (the value typed after Tab was lost, and Ctrl+Enter then said the variable had no value)
        table.setFocusTraversable(false);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<VariableRow, String> name = new TableColumn<>("Variable");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty("{{" + c.getValue().name() + "}}"));
        name.setEditable(false);
        name.setPrefWidth(130);
        TableColumn<VariableRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(c -> new ValueCell());
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setFixedCellSize(26);
        table.prefHeightProperty().bind(Bindings.size(editor.variables()).multiply(26).add(30).map(h -> Math.min(h.doubleValue(), 140)));
        // two whole rows stay in view when the editor is short (the message areas give way first)
        table.minHeightProperty().bind(table.prefHeightProperty().map(h -> Math.min(h.doubleValue(), 30 + 2 * 26)));
        table.visibleProperty().bind(Bindings.isNotEmpty(editor.variables()));
        table.managedProperty().bind(table.visibleProperty());
        return table;
    }

    /**
     * A variable's value as a text field always open, bound to its row: what is typed is the value at once (a table's
     * edit mode kept a value typed without Enter out of the run, though the cell still showed it).
     */
    private static final class ValueCell extends javafx.scene.control.TableCell<VariableRow, String> {
        private final TextField field = new TextField();
        private StringProperty bound;

        ValueCell() {
            field.getStyleClass().add("variable-value");
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            int i = getIndex();
            VariableRow row = empty || i < 0 || i >= getTableView().getItems().size() ? null : getTableView().getItems().get(i);
            if (row != null && row.valueProperty() == bound) {
                return; // its own typing changed the value: binding again would put the caret back at the start
            }
            if (bound != null) {
                field.textProperty().unbindBidirectional(bound);
                bound = null;
            }
            if (row == null) {
                setGraphic(null);
                return;
            }
            bound = row.valueProperty();
            field.textProperty().bindBidirectional(bound);
            field.setId("variable-" + row.name());
            setGraphic(field);
        }
    }

    /**
     * The five parameters in one row, caption over field. Each field asks for room to read a typical value and can
     * shrink to its placeholder ("default", "none"); captions shorten ("Temp.", "Stop") before anything is cut, so at
     * 1000 px every caption and field reads whole and at 1600 px the captions read in full (the Stop field takes the
     * room to spare). The top pane keeps one row of parameters: two rows made it cut the Stop field.
     */
    private GridPane params() {
        GridPane grid = new GridPane();
        grid.setId("params");
        grid.getStyleClass().add("params");
        grid.setHgap(8);
        grid.setVgap(2);
        addParam(grid, editor, 0, new FitCaption("Temperature", "Temp.", "Temperature: how random the answer is, "
                + "0 the most predictable. Empty: the model's default."), "default", editor.temperatureProperty(),
                "temperature", "param-temperature", 80);
        addParam(grid, editor, 1, new FitCaption("Max tokens", "Max tok.", "Max tokens: the longest answer, in tokens."
                + " Empty: the model's default."), "default", editor.maxTokensProperty(), "maxTokens", "param-max-tokens", 80);
        addParam(grid, editor, 2, new FitCaption("Top-p", "Top-p", "Top-p (nucleus sampling): 0 to 1. Empty: the "
                + "model's default."), "default", editor.topPProperty(), "topP", "param-top-p", 70);
        addParam(grid, editor, 3, new FitCaption("Seed", "Seed", "Seed: a whole number, for repeatable answers where "
                + "the model supports it. Empty: none."), "none", editor.seedProperty(), "seed", "param-seed", 70);
        addParam(grid, editor, 4, new FitCaption("Stop (comma-separated)", "Stop", "Stop sequences, comma-separated "
                + "(\\n for a new line): the answer ends before the first of them. Empty: none."), "none",
                editor.stopProperty(), "stop", "param-stop", 150);
        return grid;
    }

    /** A parameter field; typed wrong, it is marked {@code :invalid} with the mistake in its tooltip. */
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private static void addParam(GridPane grid, PromptEditorModel editor, int col, Label caption, String prompt,
                                 StringProperty value, String key, String id, double width) {
        caption.getStyleClass().add("field-label");
        caption.setId(id + "-caption");
        TextField f = new PlaceholderField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(value);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        Runnable check = () -> {
            String problem = editor.draft().params().problems().get(key);
            f.pseudoClassStateChanged(INVALID, problem != null);
            tip.setText(problem);
            f.setTooltip(problem == null ? null : tip);
        };
        value.addListener((o, a, b) -> check.run());
        check.run();
        grid.add(caption, col, 0);
        grid.add(f, col, 1);
        if (col == 4) {
            GridPane.setHgrow(f, Priority.ALWAYS);
        }
    }

    /** A text field never narrower than its placeholder ("default"): a narrow window shrinks it to that, not past it. */
    private static final class PlaceholderField extends TextField {
        @Override
        protected double computeMinWidth(double height) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(getPromptText() == null ? "" : getPromptText());
            t.setFont(getFont());
            return Math.ceil(t.getLayoutBounds().getWidth()) + snappedLeftInset() + snappedRightInset() + 2;
        }
    }
}
