package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.results.ReplayDiff;
import dev.switchyard.workspace.model.DatasetItem;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The tables of the replay screen: dataset items, replayed items, and two replays side by side. */
final class ItemsTable {

    private ItemsTable() {
    }

    static TableView<ItemRow> results(ObservableList<ItemRow> rows) {
        TableView<ItemRow> t = new TableView<>(rows);
        t.setId("replay-items");
        t.setPlaceholder(new Label("No item."));
        t.getColumns().add(col("#", 44, ItemRow::position));
        t.getColumns().add(col("Prompt", 260, ItemRow::prompt));
        t.getColumns().add(col("Decision", 140, ItemRow::decision));
        t.getColumns().add(col("Route taken", 220, ItemRow::route));
        t.getColumns().add(col("Answers", 80, ItemRow::source));
        t.getColumns().add(col("Answer", 260, ItemRow::answer));
        t.getColumns().add(col("Cost", 120, ItemRow::costText)); // "at least $0.00123", "cost unknown"
        t.getColumns().add(col("Latency", 80, r -> ItemRow.Format.ms(r.latencyMs())));
        TableColumn<ItemRow, Object> grade = col("Grade", 200, ItemRow::grade);
        grade.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Object v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("replay-pass", "replay-fail");
                ItemRow r = empty ? null : getTableRow().getItem();
                setText(empty || v == null ? null : v.toString());
                if (r != null && r.pass() != null) {
                    getStyleClass().add(r.pass() ? "replay-pass" : "replay-fail");
                }
            }
        });
        t.getColumns().add(grade);
        return t;
    }

    static TableView<DatasetItem> dataset(ObservableList<DatasetItem> items) {
        TableView<DatasetItem> t = new TableView<>(items);
        t.setId("replay-dataset-items");
        t.setPlaceholder(new Label("Select a dataset."));
        t.getColumns().add(col("#", 44, i -> i.position() + 1));
        t.getColumns().add(col("Prompt", 380, DatasetItem::prompt));
        t.getColumns().add(col("System", 140, i -> i.system() == null ? "" : i.system()));
        t.getColumns().add(col("Reference", 220, i -> i.referenceAnswer() == null ? "" : i.referenceAnswer()));
        t.getColumns().add(col("Tags", 160, DatasetItem::tagsJson));
        return t;
    }

    static TableView<ReplayDiff.Row> compare(ObservableList<ReplayDiff.Row> rows) {
        TableView<ReplayDiff.Row> t = new TableView<>(rows);
        t.setId("replay-compare-items");
        t.setPlaceholder(new Label("Pick a stored replay to compare with the one on screen."));
        t.getColumns().add(col("Prompt", 300, ReplayDiff.Row::prompt));
        t.getColumns().add(col("Route A", 160, ReplayDiff.Row::routeA));
        t.getColumns().add(col("Route B", 160, ReplayDiff.Row::routeB));
        t.getColumns().add(col("A", 60, r -> pass(r.passA())));
        t.getColumns().add(col("B", 60, r -> pass(r.passB())));
        t.getColumns().add(col("Cost A", 110, r -> ItemRow.Format.cost(r.costA(), r.unpricedA())));
        t.getColumns().add(col("Cost B", 110, r -> ItemRow.Format.cost(r.costB(), r.unpricedB())));
        t.getColumns().add(col("Changed", 80, r -> r.routeChanged() ? "route" : ""));
        return t;
    }

    private static String pass(Boolean b) {
        return b == null ? "—" : b ? "pass" : "fail";
    }

    static <T> TableColumn<T, Object> col(String title, double width, Function<T, ?> value) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }
}
