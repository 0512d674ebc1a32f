package dev.switchyard.ui.models;

import dev.switchyard.ui.WrapRow;
import dev.switchyard.workspace.model.Provider;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One provider: where it is, where its key lives, the connection test, its endpoint's models and ours. */
final class ProviderDetailPane extends VBox {

    ProviderDetailPane(ModelsViewModel model) {
        super(12);
        setId("provider-detail");
        getStyleClass().add("detail-pane");

        Label name = new Label();
        name.setId("provider-title");
        name.getStyleClass().add("section-title");
        name.textProperty().bind(model.selectedProviderProperty().map(Provider::name).orElse(""));
        Label where = new Label();
        where.setId("provider-where");
        where.getStyleClass().add("muted");
        where.setWrapText(true);
        ProviderKeyEditor keys = model.keys();
        where.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProviderProperty().get() == null ? ""
                : model.selectedProviderProperty().get().baseUrl() + "   ·   " + keys.whereProperty().get(),
                model.selectedProviderProperty(), keys.whereProperty()));
        Button setKey = button("provider-set-key", null);
        setKey.textProperty().bind(Bindings.when(keys.presentProperty()).then("Replace key…").otherwise("Set key…"));
        setKey.disableProperty().bind(keys.editingProperty());
        setKey.setOnAction(e -> keys.begin());
        Button removeKey = button("provider-remove-key", "subtle");
        removeKey.setText("Remove key");
        removeKey.visibleProperty().bind(keys.referencedProperty());
        removeKey.managedProperty().bind(removeKey.visibleProperty());
        removeKey.setOnAction(e -> confirmRemoveKey(model));
        Button remove = button("provider-remove", "subtle");
        remove.setText("Remove…");
        remove.setOnAction(e -> confirmRemoveProvider(model));
        VBox title = new VBox(2, name, where);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(8, title, setKey, removeKey, remove);
        head.setAlignment(Pos.TOP_LEFT);

        Button test = button("provider-test", "accent");
        test.setText("Test connection");
        test.disableProperty().bind(model.connectionProperty().isEqualTo(ModelsViewModel.Connection.TESTING));
        test.setOnAction(e -> model.testConnection());
        Label status = new Label();
        status.setId("connection-status");
        status.setWrapText(true);
        status.textProperty().bind(model.connectionTextProperty());
        model.connectionProperty().addListener((obs, old, now) -> {
            status.getStyleClass().removeAll("ok-text", "error-text");
            if (now == ModelsViewModel.Connection.OK) {
                status.getStyleClass().add("ok-text");
            } else if (now == ModelsViewModel.Connection.FAILED) {
                status.getStyleClass().add("error-text");
            }
        });
        HBox connect = new HBox(10, test, status);
        connect.setAlignment(Pos.CENTER_LEFT);

        VBox keyEditor = keyEditor(model);
        focusFollowsKeyEditor(keys, keyEditor, setKey);
        getChildren().addAll(head, keyEditor, connect, columns(model), new TimeLimitsPane(model.limits()),
                new PriceEditorPane(model.prices()));
    }

    /**
     * Set key… puts the keyboard focus in the field the key (or the variable's name) is typed into, and the focus goes
     * back to Set key… when the editor closes with it inside. Before, Set key… turned itself off and the focus fell
     * to the next button, Remove key: what was typed went nowhere, and Enter asked to remove the key.
     */
    private static void focusFollowsKeyEditor(ProviderKeyEditor keys, VBox editor, Button setKey) {
        keys.editingProperty().addListener((obs, was, editing) -> {
            javafx.scene.Node owner = editor.getScene() == null ? null : editor.getScene().getFocusOwner();
            boolean inside = owner == null || owner == setKey || isWithin(owner, editor);
            javafx.application.Platform.runLater(() -> {
                if (editing) {
                    editor.lookupAll(".text-field").stream()
                            .filter(n -> n.isVisible() && n.isManaged() && !n.isDisabled())
                            .findFirst().ifPresent(javafx.scene.Node::requestFocus);
                } else if (inside && setKey.getScene() != null) {
                    setKey.requestFocus();
                }
            });
        });
    }

    private static boolean isWithin(javafx.scene.Node node, javafx.scene.Parent parent) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    /** A button ({@code style}: a style class or null) that keeps its whole text when the row is short of room. */
    private static Button button(String id, String style) {
        Button b = new Button();
        b.setId(id);
        if (style != null) {
            b.getStyleClass().add(style);
        }
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Set key… / Replace key…: the add form's choices and consent, for the selected provider. */
    private static VBox keyEditor(ModelsViewModel model) {
        ProviderKeyEditor keys = model.keys();
        Label title = new Label();
        title.getStyleClass().add("caption");
        title.textProperty().bind(Bindings.createStringBinding(() -> (keys.presentProperty().get() ? "Replace the key of "
                : "Set the key of ") + (model.selectedProviderProperty().get() == null ? ""
                : model.selectedProviderProperty().get().name()), keys.presentProperty(), model.selectedProviderProperty()));
        Label error = new Label();
        error.setId("set-key-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(keys.form().errorProperty());
        Button save = button("set-key-save", "accent");
        save.setText("Save key");
        save.setOnAction(e -> keys.save());
        Button cancel = button("set-key-cancel", null);
        cancel.setText("Cancel");
        cancel.setOnAction(e -> keys.cancel());
        HBox buttons = new HBox(8, save, cancel);
        VBox box = new VBox(8, title, new KeyFields(keys.form(),
                List.of(KeySource.KEYRING, KeySource.SESSION, KeySource.ENVIRONMENT), "set-"), error, buttons);
        box.setId("key-editor");
        box.getStyleClass().add("key-editor");
        box.visibleProperty().bind(keys.editingProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Asks before removing the selected cloud model (README decision 34: its runs and prices keep it in History). */
    private static void confirmRemoveModel(javafx.scene.Node owner, ModelsViewModel model) {
        ModelRow row = model.selectedModelProperty().get();
        if (row == null) {
            return;
        }
        String name = row.model().displayName();
        if (dev.switchyard.ui.Dialogs.confirm(owner, "Remove model", "Remove " + name + " from this workspace?",
                "It leaves Compare's picker and the lists of models. If it has runs or prices, they keep it in History; "
                        + "adding it again from the endpoint's models brings it back with them.", "Remove")) {
            model.removeSelectedModel();
        }
    }

    /** Asks before removing the selected provider and its models (README decision 35). */
    private void confirmRemoveProvider(ModelsViewModel model) {
        Provider p = model.selectedProviderProperty().get();
        if (p == null) {
            return;
        }
        int n = model.models().size();
        String models = n == 0 ? "It has no models." : "Its " + (n == 1 ? "model leaves" : n + " models leave")
                + " Compare's picker and the lists of models; those with runs or prices stay in History, and so does "
                + p.name() + " for them (adding a provider named " + p.name() + " again brings it back).";
        if (dev.switchyard.ui.Dialogs.confirm(this, "Remove provider", "Remove " + p.name() + " from this workspace?",
                models + " Its key is left where it is: use Remove key first to delete a key Switchyard stored.",
                "Remove")) {
            model.removeSelectedProvider();
        }
    }

    private void confirmRemoveKey(ModelsViewModel model) {
        Provider p = model.selectedProviderProperty().get();
        if (p == null) {
            return;
        }
        if (dev.switchyard.ui.Dialogs.confirm(this, "Remove key", "Remove the key of " + p.name() + "?",
                "Switchyard stops using it: a key it stored (in the OS keyring or for this app run) is deleted, an "
                        + "environment variable is left as it is. The models of " + p.name()
                        + " cannot run until a key is set again.", "Remove key")) {
            model.keys().remove();
        }
    }

    private static WrapRow columns(ModelsViewModel model) {
        ListView<ModelsViewModel.RemoteRow> remote = new ListView<>(model.remoteModels());
        remote.setId("remote-models");
        remote.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // under the table, short while it only says to test the connection, a list's height once it lists models
        remote.prefHeightProperty().bind(Bindings.when(Bindings.isEmpty(model.remoteModels())).then(64).otherwise(170));
        remote.minHeightProperty().bind(remote.prefHeightProperty());
        Label hint = new Label("Test the connection to list the endpoint's models.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        remote.setPlaceholder(hint);
        remote.setCellFactory(list -> new javafx.scene.control.ListCell<>() { // a long id reads whole on hover
            private final javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(ModelsViewModel.RemoteRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.toString());
                Provider p = model.selectedProviderProperty().get();
                tooltip.setText(empty || r == null ? "" : modelTip(r.displayName() == null ? r.id() : r.displayName(),
                        r.id(), p == null ? null : p.name()) + (r.added() ? "\nAdded to this workspace" : ""));
                setTooltip(empty || r == null ? null : tooltip);
            }
        });
        Button add = new Button("Add selected");
        add.setId("remote-add");
        // off while nothing picked is still to add (every listed model may be added already); read through the
        // indices, within the list: when the list is cleared (another provider, quitting) this binding hears it
        // before the selection does, and the selected items would still point past the list's end
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            List<ModelsViewModel.RemoteRow> items = model.remoteModels();
            return remote.getSelectionModel().getSelectedIndices().stream()
                    .filter(i -> i != null && i >= 0 && i < items.size()).map(items::get).allMatch(r -> r == null || r.added());
        }, remote.getSelectionModel().getSelectedIndices(), model.remoteModels()));
        VBox left = new VBox(6, caption("Endpoint models"), remote, add);
        VBox.setVgrow(remote, Priority.ALWAYS); // beside the table, as tall as it
        // the view follows the work: the endpoint's list once Test connection fills it (under the table in a narrow
        // window), the table once models are added from it
        model.remoteModels().addListener((javafx.collections.ListChangeListener<ModelsViewModel.RemoteRow>) c -> {
            if (!model.remoteModels().isEmpty() && c.next() && c.wasAdded() && c.getFrom() == 0) {
                reveal(left);
            }
        });
        boolean[] adding = {false};
        add.setOnAction(e -> {
            adding[0] = true;
            model.addRemoteModels(List.copyOf(remote.getSelectionModel().getSelectedItems()));
        });

        TableView<ModelRow> table = new TableView<>(model.models());
        table.setId("provider-models");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Function<ModelRow, String> tip = r -> modelTip(r.model().displayName(), r.model().apiModelId(),
                model.selectedProviderProperty().get() == null ? null : model.selectedProviderProperty().get().name());
        table.getColumns().add(col("Model", r -> r.model().displayName(), tip));
        table.getColumns().add(col("API id", r -> r.model().apiModelId(), tip));
        table.getColumns().add(col("Context", ModelRow::contextText));
        table.getColumns().add(col("Price in force /1M", ModelRow::priceText));
        // wide enough for "Claude Haiku 3.5", "claude-3-5-haiku-latest", "200,000" and "$0.80 in · $4.00 out"
        double[] least = {120, 170, 72, 150};
        double[] wanted = {150, 180, 80, 170};
        for (int i = 0; i < least.length; i++) {
            table.getColumns().get(i).setMinWidth(least[i]);
            table.getColumns().get(i).setPrefWidth(wanted[i]);
        }
        Label none = new Label("No models added yet.");
        none.getStyleClass().add("muted");
        table.setPlaceholder(none);
        // as the provider list: a pick asks about prices and time limits typed and not saved (Cancel puts it back)
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.selectedModelProperty().get()) {
                javafx.application.Platform.runLater(() -> {
                    if (table.getSelectionModel().getSelectedItem() == now && now != model.selectedModelProperty().get()) {
                        model.pickModel(now);
                        ModelRow picked = model.selectedModelProperty().get();
                        if (picked == null) {
                            table.getSelectionModel().clearSelection();
                        } else {
                            table.getSelectionModel().select(picked);
                        }
                    }
                });
            }
        });
        model.selectedModelProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        Button removeModel = new Button("Remove model…");
        removeModel.setId("provider-model-remove");
        removeModel.getStyleClass().add("subtle");
        removeModel.disableProperty().bind(model.selectedModelProperty().isNull());
        removeModel.setOnAction(e -> confirmRemoveModel(removeModel, model));
        VBox right = new VBox(6, caption("Models in this workspace"), table, removeModel);
        model.models().addListener((javafx.collections.ListChangeListener<ModelRow>) c -> {
            if (adding[0]) {
                adding[0] = false;
                reveal(right);
            }
        });
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(220);
        left.setMinWidth(200);
        right.setPrefWidth(600);
        // narrower than its columns, the table goes on its own line rather than cutting them: first, so that it is
        // in view without scrolling in a 1000 x 720 window (the endpoint's list, filled by Test connection, under it)
        right.setMinWidth(least[0] + least[1] + least[2] + least[3] + 20);
        WrapRow row = new WrapRow(12, left, right);
        row.setStackLastFirst(true);
        row.setId("provider-columns");
        return row;
    }

    /**
     * Once laid out, scrolls the provider's page up as far as it can while showing {@code node} whole (its top when it
     * is taller than the page): the endpoint's list with the table above it, the table with the provider's name and
     * buttons above it, when there is room.
     */
    private static void reveal(javafx.scene.Parent node) {
        javafx.scene.Scene scene = node.getScene();
        if (scene == null) {
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                javafx.scene.Parent p = node.getParent();
                while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                    p = p.getParent();
                }
                if (!(p instanceof javafx.scene.control.ScrollPane scroll) || scroll.getContent() == null) {
                    return;
                }
                javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double view = scroll.getViewportBounds().getHeight();
                double range = scroll.getContent().getLayoutBounds().getHeight() - view;
                if (range <= 0) {
                    return;
                }
                double wanted = Math.min(at.getMinY(), Math.max(0, at.getMaxY() - view));
                scroll.setVvalue(Math.max(0, Math.min(1, wanted / range)));
            }
        });
        node.requestLayout();
    }

    static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    /** A column of texts whose cells show their whole text on hover (a narrow column cuts it with "…"). */
    static <T> TableColumn<T, String> col(String title, Function<T, String> v) {
        return col(title, v, null);
    }

    /**
     * A column of texts whose cells show {@code tip} of their row on hover (null: the cell's whole text) — a long model
     * id that a narrow column cuts with "…" reads whole there, with its name and provider.
     */
    static <T> TableColumn<T, String> col(String title, Function<T, String> v, Function<T, String> tip) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(v.apply(cd.getValue())));
        c.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                List<T> items = getTableView() == null ? List.of() : getTableView().getItems();
                T row = empty || getIndex() < 0 || getIndex() >= items.size() ? null : items.get(getIndex());
                String t = row == null || text == null || text.isEmpty() ? null : tip == null ? text : tip.apply(row);
                tooltip.setText(t == null ? "" : t);
                setTooltip(t == null ? null : tooltip);
            }
        });
        return c;
    }

    /** "Claude Haiku 3.5", "API id: claude-3-5-haiku-latest", "Provider: Anthropic" on lines: a model cell's tooltip. */
    static String modelTip(String name, String id, String provider) {
        StringBuilder sb = new StringBuilder();
        if (!id.equals(name)) {
            sb.append(name).append('\n');
        }
        sb.append(provider == null ? "Id: " : "API id: ").append(id);
        if (provider != null) {
            sb.append("\nProvider: ").append(provider);
        }
        return sb.toString();
    }
}
