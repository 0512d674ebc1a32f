package dev.switchyard.ui.history;

import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** The filter row of the history screen: text, model, status, date range, search and clear. */
final class HistoryFilterBar extends HBox {

    HistoryFilterBar(HistoryViewModel model) {
        super(8);
        setId("history-filters");
        getStyleClass().add("filter-bar");

        TextField text = new TextField();
        text.setId("history-text");
        text.setPromptText("Search prompts and answers");
        text.textProperty().bindBidirectional(model.textProperty());
        text.setOnAction(e -> model.search());
        HBox.setHgrow(text, Priority.ALWAYS);

        ComboBox<HistoryViewModel.ModelOption> models = new ComboBox<>(model.modelOptions());
        models.setId("history-model");
        models.valueProperty().bindBidirectional(model.modelProperty());
        models.setOnAction(e -> model.search());
        models.setPrefWidth(200);

        List<RunStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(Arrays.asList(RunStatus.values()));
        ComboBox<RunStatus> status = new ComboBox<>(javafx.collections.FXCollections.observableList(statuses));
        status.setId("history-status");
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunStatus s) {
                return s == null ? "Any status" : Formats.status(s);
            }

            @Override
            public RunStatus fromString(String s) {
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
        Button clear = new Button("Clear");
        clear.setId("history-clear");
        clear.setOnAction(e -> model.clearFilters());

        Label dates = new Label("–");
        dates.getStyleClass().add("muted");
        getChildren().addAll(text, models, status, from, dates, to, search, clear);
    }

    private static DatePicker datePicker(String id, String prompt, javafx.beans.property.ObjectProperty<java.time.LocalDate> p,
                                         HistoryViewModel model) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setPrefWidth(130);
        picker.valueProperty().bindBidirectional(p);
        picker.setOnAction(e -> model.search());
        return picker;
    }
}
