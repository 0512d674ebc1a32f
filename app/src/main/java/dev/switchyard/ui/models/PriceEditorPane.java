package dev.switchyard.ui.models;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.workspace.model.PriceRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A model's prices: the row in force, a new row to add, and the history (the row in force highlighted). */
final class PriceEditorPane extends VBox {

    PriceEditorPane(PriceEditor prices) {
        super(8);
        setId("price-editor");
        Label title = new Label();
        title.setId("price-title");
        title.textProperty().bind(prices.titleProperty());
        title.getStyleClass().add("caption");
        Label summary = new Label();
        summary.setId("price-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(prices.summaryProperty());

        TextField in = field("price-in", "Input", prices.inputProperty());
        TextField cached = field("price-cached", "optional", prices.cachedProperty());
        TextField out = field("price-out", "Output", prices.outputProperty());
        Button save = new Button("Save price");
        save.setId("price-save");
        save.setOnAction(e -> prices.save());
        HBox row = new HBox(8, labelled("Input", in), labelled("Cached input", cached), labelled("Output", out), save);
        row.setAlignment(Pos.BOTTOM_LEFT);
        row.disableProperty().bind(prices.hasModelProperty().not());
        Label message = new Label();
        message.setId("price-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(prices.messageProperty());
        message.visibleProperty().bind(prices.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label error = new Label();
        error.setId("price-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(prices.errorProperty());
        error.visibleProperty().bind(prices.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TableView<PriceRow> history = new TableView<>(prices.history());
        history.setId("price-history");
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPrefHeight(150);
        // the figures and the marker take what they need; the source (a URL, "entered in Switchyard") takes the rest
        history.getColumns().add(col("From", 108, r -> PriceEditor.day(r.asOf())));
        history.getColumns().add(col("Input", 65, r -> Formats.usdPerMTok(r.inputPerMTok())));
        history.getColumns().add(col("Cached", 72, r -> r.cachedInputPerMTok() == null ? "as input"
                : Formats.usdPerMTok(r.cachedInputPerMTok())));
        history.getColumns().add(col("Output", 65, r -> Formats.usdPerMTok(r.outputPerMTok())));
        history.getColumns().add(col("Status", 78, prices::status));
        TableColumn<PriceRow, String> source = col("Source", 180, PriceRow::source);
        source.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        history.getColumns().add(source);
        history.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PriceRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("in-force"),
                        !empty && r != null && r.id() == prices.inForceIdProperty().get());
            }
        });
        Label none = new Label("No price rows yet.");
        none.getStyleClass().add("muted");
        history.setPlaceholder(none);
        prices.inForceIdProperty().addListener((obs, o, n) -> history.refresh());
        getChildren().addAll(title, summary, row, error, message, history);
    }

    private static VBox labelled(String text, TextField field) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        return new VBox(2, l, field);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(9);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static TableColumn<PriceRow, String> col(String title, double width, Function<PriceRow, String> v) {
        TableColumn<PriceRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(v.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }
}
