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
    private final SplitPane split;
    private final RunDetailPane detail;
    /** The column that gives way first in a narrow window (see layoutChildren). */
    private TableColumn<HistoryRow, String> outTokens;
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

        split = new SplitPane(new VBox(8, table, pager()), detail);
        split.setId("history-split");
        this.detail = detail;
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(split, Priority.ALWAYS);
        // the detail keeps its size when the window changes (the table takes the difference); it stands beside the
        // table while every column and a readable detail fit side by side, under the table when they do not
        SplitPane.setResizableWithParent(detail, false);
        WindowMemory.rememberSplitPerOrientation(split, "history", prefs, 0.74, 0.62);
        table.getColumns().forEach(c -> c.minWidthProperty().addListener(o -> requestLayout()));

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

    /** The detail's width beside the table at the least (narrower, its figures and day wrap to a word a line). */
    static final double DETAIL_BESIDE = 280;
    /** What the table takes besides its columns: its border and vertical scroll bar, the split's border. */
    private static final double TABLE_FRAME = 24;

    /**
     * Puts the detail beside the table or under it for this width, before the split is laid out at it; under it, when
     * even the whole width is short of every column, Out tok gives way (the detail has the run's tokens). So no column
     * is cut or scrolled sideways out of view: at 1000 px the detail is under the table.
     */
    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        if (width > 0) {
            double columns = columnsWidth() + TABLE_FRAME;
            boolean beside = width >= columns + DETAIL_BESIDE;
            javafx.geometry.Orientation wanted = beside ? javafx.geometry.Orientation.HORIZONTAL
                    : javafx.geometry.Orientation.VERTICAL;
            if (split.getOrientation() != wanted) {
                split.setOrientation(wanted);
                detail.setBelow(!beside);
            }
            outTokens.setVisible(width >= columns);
        }
        super.layoutChildren();
    }

    /** The columns' least widths together: each as wide as its header and the texts it has shown (see TipCell). */
    private double columnsWidth() {
        return table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
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
        // each column as wide as its header and widened to the texts it shows (up to a cap, see TipCell); the Prompt
        // column takes the rest
        TableColumn<HistoryRow, String> when = column("When", r -> Formats.shortWhen(r.createdAt(), model.zone()), RunSort.CREATED_AT, 80);
        // "26 Nov, 13:20" this year, "26 Nov 2025, 13:20" before: the column widens for those; the second in a tooltip
        when.setCellFactory(c -> new TipCell(r -> Formats.when(r.createdAt(), model.zone()), OverrunStyle.ELLIPSIS, 160));
        table.getColumns().add(when);
        TableColumn<HistoryRow, String> modelColumn = column("Model", HistoryRow::modelName, null, 120);
        modelColumn.setCellFactory(c -> new TipCell(HistoryRow::modelRef, OverrunStyle.LEADING_ELLIPSIS, MODEL_WIDTH_CAP));
        table.getColumns().add(modelColumn);
        table.getColumns().add(fitted(column("Status", r -> Formats.status(r.status()), null, 72), 120));
        table.getColumns().add(fitted(column("TTFT", r -> Formats.ms(r.run().metrics().ttftMs()), RunSort.TTFT_MS, 60), 110));
        table.getColumns().add(fitted(column("Total", r -> Formats.ms(r.run().metrics().totalMs()), RunSort.TOTAL_MS, 60), 110));
        outTokens = fitted(column("Out tok", r -> Formats.count(r.run().metrics().outputTokens()), RunSort.OUTPUT_TOKENS, 72), 100);
        table.getColumns().add(outTokens);
        table.getColumns().add(fitted(column("Cost", r -> Formats.cost(r.run()), RunSort.COST_USD, 64), 180));
        TableColumn<HistoryRow, String> prompt = column("Prompt", r -> r.promptPreview(160), null, 100);
        prompt.setPrefWidth(240);
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

    /** A column at least {@code width} wide (room for its header and sort arrow). */
    private static TableColumn<HistoryRow, String> column(String title, Function<HistoryRow, String> value, RunSort sort,
                                                         double width) {
        TableColumn<HistoryRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setUserData(sort);
        c.setSortable(sort != null);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setId("history-col-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return c;
    }

    /** {@code column} widened to the texts it shows, up to {@code cap} ("1.96 s", "$0.000074", "Incomplete"). */
    private TableColumn<HistoryRow, String> fitted(TableColumn<HistoryRow, String> column, double cap) {
        column.setCellFactory(c -> new TipCell(null, OverrunStyle.ELLIPSIS, cap));
        return column;
    }

    /** The Model column widens to its longest name shown up to this; a longer one is cut at the front. */
    static final double MODEL_WIDTH_CAP = 300;

    /**
     * A cell with more in a tooltip (none when {@code more} is null): the time to the second under the day, the model as "provider/model" under its
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
            if (more != null) {
                tip.setText(row == null ? null : more.apply(row));
                setTooltip(row == null ? null : tip);
            }
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
                // the resize policy runs when the table's width changes, not when a column's least width grows: run
                // it, or the widened columns push the Prompt column past the table's edge (a page of a few runs,
                // with no scroll bar coming or going, kept it there, its texts cut off without "…")
                table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
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
        for (Region r : List.of(prev, page, next, selected, csv, json)) {
            r.setMinWidth(Region.USE_PREF_SIZE); // whole: the table is never narrower than its columns
        }
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
            String title = "Export " + chosen.size() + (chosen.size() == 1 ? " run" : " runs");
            Path file = files.choose(getScene().getWindow(), title,
                    "switchyard-runs." + format.extension(), format.extension());
            if (file != null) {
                model.export(chosen, format, file);
            }
        });
        return b;
    }
}
