package dev.switchyard.ui.replay;

import dev.switchyard.ui.Styles;
import dev.switchyard.workspace.model.DatasetItem;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The replay screen: datasets on the left; start bar, then tabs for the dataset's items, results and compare. */
final class ReplayView extends BorderPane {

    static final String CSS = "/assets/css/replay.css";

    ReplayView(ReplayViewModel model, FileDialogs dialogs) {
        setId("replay-screen");
        getStyleClass().add("screen"); // the shared control theming of screens.css (tables, lists, tabs, labels)
        dev.switchyard.ui.SceneStylesheets.use(this, CSS);
        java.util.function.Supplier<Window> window = () -> getScene() == null ? null : getScene().getWindow();
        setLeft(new DatasetsPane(model.datasets(), dialogs, window));

        Label title = new Label("Replay a policy over a dataset");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        StartBar start = new StartBar(model);

        TableView<DatasetItem> items = ItemsTable.dataset(model.datasets().items());
        items.setRowFactory(t -> {
            TableRow<DatasetItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    ItemEditor.edit(row.getItem()).ifPresent(model.datasets()::saveItem);
                }
            });
            return row;
        });
        Label hint = new Label("Double-click an item to edit it.");
        hint.getStyleClass().add("muted");
        VBox itemsBox = new VBox(6, hint, items);
        VBox.setVgrow(items, Priority.ALWAYS);
        itemsBox.setPadding(new Insets(8));

        ResultsPane results = new ResultsPane(model.results(), dialogs, window);
        results.setPadding(new Insets(8));
        Tab itemsTab = new Tab("Dataset items", itemsBox);
        // in a short window the cards, chart and items do not all fit: the tab scrolls instead of squeezing the items
        // table to one row
        javafx.scene.control.ScrollPane resultsScroll = new javafx.scene.control.ScrollPane(results);
        resultsScroll.setFitToWidth(true);
        resultsScroll.setFitToHeight(true);
        resultsScroll.setId("replay-results-scroll");
        Tab resultsTab = new Tab("Results", resultsScroll);
        resultsTab.setId("replay-tab-results");
        Tab compareTab = new Tab("Compare", compareBox(model));
        TabPane tabs = new TabPane(itemsTab, resultsTab, compareTab);
        tabs.setId("replay-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.results().resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                tabs.getSelectionModel().select(resultsTab);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox centre = new VBox(10, title, start, tabs);
        centre.setPadding(new Insets(12));
        centre.getStyleClass().add("replay-centre");
        setCenter(centre);
        // policies, datasets and replays may have changed on other screens: reload when shown again
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && a == null) {
                model.refresh();
            }
        });
    }

    private static VBox compareBox(ReplayViewModel model) {
        ComboBox<ReplayBackend.ReplayRow> other = new ComboBox<>(model.replays());
        other.setId("replay-compare-with");
        other.setPromptText("Replay B");
        other.setPrefWidth(320);
        Button compare = new Button("Compare with the replay on screen");
        compare.setId("replay-compare");
        compare.disableProperty().bind(other.valueProperty().isNull().or(model.results().resultProperty().isNull()));
        compare.setOnAction(e -> model.compare().compare(model.results().resultProperty().get(),
                other.getValue().replay().id()));
        HBox bar = new HBox(8, new Label("B:"), other, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("replay-compare-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.compare().summaryProperty());
        TableView<?> table = ItemsTable.compare(model.compare().rows());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, bar, summary, table);
        box.setPadding(new Insets(8));
        return box;
    }
}
