package dev.switchyard.ui.models;

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
        where.textProperty().bind(model.selectedProviderProperty().map(p -> p.baseUrl() + "   ·   key: "
                + keyText(p.authRef())).orElse(""));
        Button remove = new Button("Remove");
        remove.setId("provider-remove");
        remove.getStyleClass().add("subtle");
        remove.setOnAction(e -> model.deleteSelectedProvider());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, new VBox(2, name, where), grow, remove);

        Button test = new Button("Test connection");
        test.setId("provider-test");
        test.getStyleClass().add("accent");
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

        getChildren().addAll(head, connect, columns(model), new PriceEditorPane(model.prices()));
    }

    private static String keyText(String ref) {
        if (ref == null) {
            return "none";
        }
        return ref.startsWith("env:") ? "environment variable " + ref.substring(4) : "OS keyring (" + ref.substring(8) + ")";
    }

    private static HBox columns(ModelsViewModel model) {
        ListView<ModelsViewModel.RemoteRow> remote = new ListView<>(model.remoteModels());
        remote.setId("remote-models");
        remote.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        remote.setPrefHeight(170);
        Label hint = new Label("Test the connection to list the endpoint's models.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        remote.setPlaceholder(hint);
        Button add = new Button("Add selected");
        add.setId("remote-add");
        add.disableProperty().bind(Bindings.isEmpty(remote.getSelectionModel().getSelectedItems()));
        add.setOnAction(e -> model.addRemoteModels(List.copyOf(remote.getSelectionModel().getSelectedItems())));
        VBox left = new VBox(6, caption("Endpoint models"), remote, add);

        TableView<ModelRow> table = new TableView<>(model.models());
        table.setId("provider-models");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(col("Model", r -> r.model().displayName()));
        table.getColumns().add(col("API id", r -> r.model().apiModelId()));
        table.getColumns().add(col("Context", ModelRow::contextText));
        table.getColumns().add(col("Price in force /1M", ModelRow::priceText));
        table.getColumns().get(0).setPrefWidth(150);
        table.getColumns().get(1).setPrefWidth(170);
        table.getColumns().get(2).setPrefWidth(70);
        table.getColumns().get(3).setPrefWidth(150);
        Label none = new Label("No models added yet.");
        none.getStyleClass().add("muted");
        table.setPlaceholder(none);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedModelProperty().set(now);
            }
        });
        model.selectedModelProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        VBox right = new VBox(6, caption("Models in this workspace"), table);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(220);
        left.setMinWidth(200);
        right.setPrefWidth(560);
        return new HBox(12, left, right);
    }

    static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    static <T> TableColumn<T, String> col(String title, Function<T, String> v) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(v.apply(cd.getValue())));
        return c;
    }
}
