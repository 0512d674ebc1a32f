package dev.switchyard.ui.history;

import dev.switchyard.app.history.ExportFormat;
import dev.switchyard.ui.ScreenHeading;
import dev.switchyard.ui.prefs.AppPreferences;
import dev.switchyard.ui.prefs.WindowMemory;
import dev.switchyard.workspace.model.RunSort;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The history screen: filters on top, a paged table sorted in the database, the selected run on the right. */
public final class HistoryView extends VBox {

    private final HistoryViewModel model;
    private final TableView<HistoryRow> table = new TableView<>();
    private SaveFileChooser files = SaveFileChooser.nativeDialog();
    /** True while the table waits to be laid out again after a column widened (see layOutAgainAfterThisPass). */
    private boolean layOutAgain;

    /** {@code openComparison} shows a stored comparison by id (on the Compare screen). */
    public HistoryView(HistoryViewModel model, AppPreferences prefs, java.util.function.LongConsumer openComparison) {
        super(10);
        this.model = model;
        setId("history-view");
        getStyleClass().add("screen");

        RunDetailPane detail = new RunDetailPane(model.zone(), openComparison::accept);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> detail.show(now));
        buildTable();
        keepSelectionAcrossReloads();

        SplitPane split = new SplitPane(new VBox(8, table, pager()), detail);
        split.setId("history-split");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(split, Priority.ALWAYS);
        // the detail keeps its width when the window narrows (the table scrolls sideways instead); at 1100 px the
        // default leaves the table room for every column up to Cost
        detail.setMinWidth(200);
        SplitPane.setResizableWithParent(detail, false);
        WindowMemory.rememberSplit(split, "history", prefs, 0.77);

        Label message = new Label();
        message.setId("history-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        model.messageIsErrorProperty().addListener((obs, was, error) -> {
            message.getStyleClass().removeAll("muted", "error-text");
            message.getStyleClass().add(error ? "error-text" : "muted");
        });
        getChildren().addAll(ScreenHeading.of("History",
                "Every run and comparison in this workspace. Filters and sorting run in the database."),
                new HistoryFilterBar(model), split, message);
    }

    /** Replaces the save dialog (window tests choose the file without the native dialog). */
    public void setSaveFileChooser(SaveFileChooser chooser) {
        this.files = chooser;
    }

    private void buildTable() {
        table.setId("history-table");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<HistoryRow, String> when = column("When", r -> Formats.shortWhen(r.createdAt(), model.zone()), RunSort.CREATED_AT, 104);
        // "26 Nov, 13:20" this year, "26 Nov 2025, 13:20" before: the column widens for those; the second in a tooltip
        when.setCellFactory(c -> new TipCell(r -> Formats.when(r.createdAt(), model.zone()), OverrunStyle.ELLIPSIS, 160));
        table.getColumns().add(when);
        TableColumn<HistoryRow, String> modelColumn = column("Model", HistoryRow::modelName, null, 150);
        modelColumn.setCellFactory(c -> new TipCell(HistoryRow::modelRef, OverrunStyle.LEADING_ELLIPSIS, MODEL_WIDTH_CAP));
        table.getColumns().add(modelColumn);
        table.getColumns().add(column("Status", r -> Formats.status(r.status()), null, 96));
        table.getColumns().add(column("TTFT", r -> Formats.ms(r.run().metrics().ttftMs()), RunSort.TTFT_MS, 64));
        table.getColumns().add(column("Total", r -> Formats.ms(r.run().metrics().totalMs()), RunSort.TOTAL_MS, 64));
        table.getColumns().add(column("Out tok", r -> Formats.count(r.run().metrics().outputTokens()), RunSort.OUTPUT_TOKENS, 64));
        table.getColumns().add(column("Cost", r -> Formats.cost(r.run()), RunSort.COST_USD, 96));
        TableColumn<HistoryRow, String> prompt = column("Prompt", r -> r.promptPreview(160), null, 240);
        prompt.setCellFactory(c -> new TipCell(r -> r.run().promptText(), OverrunStyle.ELLIPSIS, 0));
        table.getColumns().add(prompt);
        when.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(when);
        table.setSortPolicy(t -> {
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<HistoryRow, ?> c = t.getSortOrder().get(0);
                RunSort by = (RunSort) c.getUserData();
                boolean desc = c.getSortType() == TableColumn.SortType.DESCENDING;
                if (by != null && (by != model.sort() || desc != model.descending())) {
                    model.sortBy(by, desc);
                }
            }
            return true;
        });
        Label empty = new Label();
        empty.setId("history-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.createStringBinding(() -> switch (model.modeProperty().get()) {
            case LOADING -> "Loading…";
            case NO_WORKSPACE -> "Open a workspace to see its history.";
            case FAILED -> "The history could not be read.";
            case BAD_DATES -> model.datesErrorProperty().get();
            default -> "No runs match these filters. Runs appear here after you compare models.";
        }, model.modeProperty(), model.datesErrorProperty()));
        empty.getStyleClass().add("muted");
        model.modeProperty().addListener((obs, old, now) -> {
            empty.getStyleClass().removeAll("muted", "error-text");
            empty.getStyleClass().add(now == HistoryViewModel.Mode.BAD_DATES ? "error-text" : "muted");
        });
        table.setPlaceholder(empty);
    }

    private static TableColumn<HistoryRow, String> column(String title, Function<HistoryRow, String> value, RunSort sort,
                                                         double width) {
        TableColumn<HistoryRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setUserData(sort);
        c.setSortable(sort != null);
        c.setPrefWidth(width);
        c.setMinWidth(title.equals("Prompt") ? 100 : title.equals("Model") ? 120 : width);
        c.setId("history-col-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return c;
    }

    /** The Model column widens to its longest name shown up to this; a longer one is cut at the front. */
    static final double MODEL_WIDTH_CAP = 300;

    /**
     * A cell with more in a tooltip: the time to the second under the day, the model as "provider/model" under its
     * name, the whole prompt, system message included, under the user message. With {@code fitUpTo} above 0 the column widens to show its texts whole, up to
     * that width (a name longer still is cut at the front, "…(customer-support)", where names differ).
     */
    private final class TipCell extends TableCell<HistoryRow, String> {
        private final Tooltip tip = new Tooltip();
        private final Function<HistoryRow, String> more;
        private final double fitUpTo;

        TipCell(Function<HistoryRow, String> more, OverrunStyle overrun, double fitUpTo) {
            this.more = more;
            this.fitUpTo = fitUpTo;
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            setTextOverrun(overrun);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            HistoryRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : item);
            tip.setText(row == null ? null : more.apply(row));
            setTooltip(row == null ? null : tip);
        }

        /** Measured here, once CSS has given the cell its font and padding. */
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            TableColumn<HistoryRow, String> column = getTableColumn();
            if (fitUpTo > 0 && getText() != null && column != null) {
                javafx.scene.text.Text text = new javafx.scene.text.Text(getText());
                text.setFont(getFont());
                double need = Math.min(fitUpTo, Math.ceil(text.getLayoutBounds().getWidth()
                        + snappedLeftInset() + snappedRightInset() + 2));
                if (need > column.getMinWidth()) {
                    column.setMinWidth(need);
                    column.setPrefWidth(Math.max(need, column.getPrefWidth()));
                    layOutAgainAfterThisPass();
                }
            }
        }
    }

    /**
     * A cell widened its column while the table laid out its rows: the headers and the rows laid out before it keep
     * the old widths (cells off their headers, names cut) until something lays them out again, a scroll say. So the
     * table is laid out once more right after this layout pass, before the frame is drawn.
     */
    private void layOutAgainAfterThisPass() {
        javafx.scene.Scene scene = table.getScene();
        if (layOutAgain || scene == null) {
            return;
        }
        layOutAgain = true;
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                layOutAgain = false;
                table.requestLayout();
                table.layout();
            }
        });
    }

    /**
     * A new list of runs (search, Clear, another page or sort) starts with nothing selected, so the detail and
     * "n selected" never speak of a run the table no longer shows; the same page read again (the screen shown again)
     * keeps the selected runs it still lists.
     */
    private void keepSelectionAcrossReloads() {
        Set<Long> kept = new HashSet<>();
        model.modeProperty().addListener((obs, old, now) -> {
            if (now == HistoryViewModel.Mode.LOADING) {
                kept.clear();
                if (model.rereading()) {
                    table.getSelectionModel().getSelectedItems().forEach(r -> kept.add(r.id()));
                }
            }
        });
        model.rows().addListener((ListChangeListener<HistoryRow>) c -> {
            var selection = table.getSelectionModel();
            selection.clearSelection();
            for (int i = 0; i < model.rows().size(); i++) {
                if (kept.contains(model.rows().get(i).id())) {
                    selection.select(i);
                }
            }
            kept.clear();
        });
    }

    private HBox pager() {
        Button prev = new Button("‹ Previous");
        prev.setId("history-prev");
        prev.disableProperty().bind(model.hasPreviousProperty().not());
        prev.setOnAction(e -> model.previousPage());
        Button next = new Button("Next ›");
        next.setId("history-next");
        next.disableProperty().bind(model.hasNextProperty().not());
        next.setOnAction(e -> model.nextPage());
        Label page = new Label();
        page.setId("history-page");
        page.textProperty().bind(model.pageTextProperty());
        Label selected = new Label();
        selected.setId("history-selected");
        selected.getStyleClass().add("muted");
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<HistoryRow>) c ->
                selected.setText(table.getSelectionModel().getSelectedItems().isEmpty() ? ""
                        : table.getSelectionModel().getSelectedItems().size() + " selected"));
        Button csv = exportButton("Export CSV…", "history-export-csv", ExportFormat.CSV);
        Button json = exportButton("Export JSON…", "history-export-json", ExportFormat.JSON);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, prev, page, next, grow, selected, csv, json);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pager");
        return bar;
    }

    private Button exportButton(String text, String id, ExportFormat format) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        b.setOnAction(e -> {
            List<HistoryRow> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            Path file = files.choose(getScene().getWindow(), "Export " + chosen.size() + " runs",
                    "switchyard-runs." + format.extension(), format.extension());
            if (file != null) {
                model.export(chosen, format, file);
            }
        });
        return b;
    }
}
