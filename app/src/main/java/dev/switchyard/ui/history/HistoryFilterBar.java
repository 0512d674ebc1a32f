package dev.switchyard.ui.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.switchyard.ui.WrapRow;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The filters of the history screen: text, model and status, then the date range, Search and Clear; the second group
 * moves to a line of its own when the window is too narrow for both.
 */
final class HistoryFilterBar extends WrapRow {

    HistoryFilterBar(HistoryViewModel model) {
        super(8);
        setId("history-filters");
        getStyleClass().add("filter-bar");

        TextField text = new TextField();
        text.setId("history-text");
        text.setPromptText("Search prompts and answers");
        text.textProperty().bindBidirectional(model.textProperty());
        text.setOnAction(e -> model.search());
        text.setMinWidth(160);
        text.setPrefWidth(240);
        HBox.setHgrow(text, Priority.ALWAYS);

        ComboBox<HistoryViewModel.ModelOption> models = new ComboBox<>(model.modelOptions());
        models.setId("history-model");
        models.valueProperty().bindBidirectional(model.modelProperty());
        models.setOnAction(e -> model.search());
        // as wide as its longest name (the list measures its items), so a chosen model reads whole
        models.setMinWidth(Region.USE_PREF_SIZE);
        models.setMaxWidth(320);

        List<RunState> states = new ArrayList<>();
        states.add(null);
        states.addAll(Arrays.asList(RunState.values()));
        ComboBox<RunState> status = new ComboBox<>(javafx.collections.FXCollections.observableList(states));
        status.setId("history-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunState s) {
                return s == null ? "Any status" : s.label();
            }

            @Override
            public RunState fromString(String s) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(model.statusProperty());
        status.setOnAction(e -> model.search());

        DatePicker from = datePicker("history-from", "From", model.fromProperty(), model);
        DatePicker to = datePicker("history-to", "To", model.toProperty(), model);

        Button search = new Button("Search");
        search.setId("history-search");
        search.getStyleClass().add("accent");
        search.setDefaultButton(false);
        search.setOnAction(e -> model.search());
        search.setMinWidth(Region.USE_PREF_SIZE);
        Button clear = new Button("Clear");
        clear.setId("history-clear");
        clear.setOnAction(e -> model.clearFilters());
        clear.setMinWidth(Region.USE_PREF_SIZE);

        Label dates = new Label("–");
        dates.getStyleClass().add("muted");
        dates.setMinWidth(Region.USE_PREF_SIZE);
        HBox what = group(text, models, status);
        HBox.setHgrow(what, Priority.ALWAYS);
        getChildren().addAll(what, group(from, dates, to, search, clear));
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static DatePicker datePicker(String id, String prompt, javafx.beans.property.ObjectProperty<java.time.LocalDate> p,
                                         HistoryViewModel model) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setPrefWidth(140);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        // the day as the table and the detail write it; typed days may also be ISO or the locale's short form
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate d) {
                return Formats.day(d);
            }

            @Override
            public java.time.LocalDate fromString(String s) {
                java.time.LocalDate day = model.readDate(p, s);
                if (day == null && s != null && !s.isBlank()) {
                    // the picker empties its field after a text that is no date; the text stays, as the table quotes it
                    javafx.application.Platform.runLater(() -> {
                        picker.getEditor().setText(s);
                        picker.getEditor().end();
                    });
                }
                return day;
            }
        });
        // a field whose text was no date, emptied by the user: the picker reads nothing (it already holds no day)
        picker.getEditor().addEventHandler(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> {
            if (picker.getEditor().getText().isBlank()) {
                model.readDate(p, "");
            }
        });
        picker.valueProperty().bindBidirectional(p);
        picker.setOnAction(e -> model.search());
        return picker;
    }
}
