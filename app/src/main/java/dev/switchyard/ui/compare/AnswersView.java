package dev.switchyard.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The answer panes side by side (up to three per row), with the blind-vote bar above them. */
final class AnswersView extends VBox {

    private final CompareViewModel model;
    private final Runnable wake;
    private final GridPane grid = new GridPane();
    private final HBox voteBar = new HBox(8);
    private static final int MAX_PANES = 6;
    private static final long PREWARM_AFTER_NANOS = 500_000_000L;
    private static final long PREWARM_EVERY_NANOS = 100_000_000L;
    private static final String SAMPLE = "## Sample\n\nSome **bold**, *italic* and `code` text.\n\n1. one\n2. two\n\n"
            + "- item\n\n```\ncode block\n```\n\n> quote\n";
    /** Every pane view built so far, in grid order; the first {@link #views} are in use. */
    private final List<AnswerPaneView> pool = new ArrayList<>();
    private final List<AnswerPaneView> views = new ArrayList<>();
    private int laidOutFor = -1;
    private long idleSince;
    private long lastPrewarm;
    /** The rehearsal's answer (see {@link #prewarm}): every kind of block, several times. */
    private static final String REHEARSAL = SAMPLE.repeat(8);
    private static final int REHEARSAL_CHARS_PER_PULSE = 40;
    /** How much of {@link #REHEARSAL} the first pane view has streamed so far. */
    private int rehearsed;
    private int rehearsalPulse;
    private final StackPane body;

    /** {@code wake} runs the screen's pulse timer a while (a pane's text or figures changed). */
    AnswersView(CompareViewModel model, Runnable wake) {
        this.model = model;
        this.wake = wake;
        getStyleClass().add("answers");
        grid.getStyleClass().add("answer-grid");
        grid.setId("answer-grid");
        Label empty = new Label("Write a prompt, pick up to six models on the right and press Run (Ctrl+Enter).\n"
                + "Every answer streams into its own pane with time to first token, tokens/s, tokens and cost.");
        empty.getStyleClass().addAll("muted", "empty-state");
        empty.setId("answers-empty");
        javafx.scene.control.ScrollPane gridScroll = new javafx.scene.control.ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        gridScroll.setFitToHeight(true);
        // The grid fills whatever the tab gives it; a fixed preferred viewport keeps window layouts (a metric
        // changing in one pane) from measuring every pane to compute a preferred size nobody uses.
        gridScroll.setPrefViewportWidth(600);
        gridScroll.setPrefViewportHeight(300);
        gridScroll.getStyleClass().add("grid-scroll");
        Viewports.uncached(gridScroll);
        gridScroll.visibleProperty().bind(grid.visibleProperty());
        body = new StackPane(empty, gridScroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        voteBar.setId("vote-bar");
        voteBar.getStyleClass().add("vote-bar");
        voteBar.setAlignment(Pos.CENTER_LEFT);
        voteBar.setVisible(false);
        voteBar.managedProperty().bind(voteBar.visibleProperty());
        getChildren().addAll(voteBar, body);
        model.panes().addListener((ListChangeListener<PaneModel>) c -> rebuild());
        model.voteOpenProperty().addListener((o, a, open) -> {
            if (open) {
                rebuildVoteBar(); // its buttons first: the bar never shows without them
            }
            voteBar.setVisible(open);
        });
        rebuild();
    }

    List<AnswerPaneView> paneViews() {
        return views;
    }

    void renderDirty() {
        views.forEach(AnswerPaneView::renderIfDirty);
    }

    /** Prepares the panes of one half ({@code half} 0: the first, third, fifth pane; 1: the others). */
    void prepareDue(int half) {
        for (int i = half; i < views.size(); i += 2) {
            views.get(i).prepareIfDue();
        }
    }

    void refreshMetrics() {
        views.forEach(AnswerPaneView::refreshMetrics);
    }

    /**
     * Lays the panes out. Pane views are kept in a pool inside the grid and reused by every later run, whatever its
     * pane count (the ones not needed are hidden and unmanaged): no new nodes to build and style when a run starts.
     */
    private void rebuild() {
        int n = model.panes().size();
        body.getChildren().get(0).setVisible(n == 0);
        grid.setVisible(n > 0);
        while (pool.size() < n) {
            addToPool(model.panes().get(pool.size()));
        }
        int cols = n <= 3 ? Math.max(n, 1) : n == 4 ? 2 : 3;
        if (n != laidOutFor) {
            constraints(n, cols);
        }
        views.clear();
        for (int i = 0; i < pool.size(); i++) {
            AnswerPaneView v = pool.get(i);
            boolean used = i < n;
            v.setVisible(used);
            v.setManaged(used);
            if (used) {
                views.add(v);
                v.show(model.panes().get(i));
                GridPane.setConstraints(v, i % cols, i / cols);
            }
        }
    }

    private AnswerPaneView addToPool(PaneModel pane) {
        AnswerPaneView v = new AnswerPaneView(pane, pool.size(), wake);
        v.setVisible(false);
        v.setManaged(false);
        pool.add(v);
        grid.getChildren().add(v);
        return v;
    }

    /** True while pane views remain to be pre-built or rehearsed in (the screen idle with a workspace open). */
    boolean prewarming() {
        return (pool.size() < MAX_PANES || rehearsed < REHEARSAL.length())
                && model.modeProperty().get() == CompareViewModel.Mode.IDLE;
    }

    /**
     * Builds one more (hidden) pane view while the screen is idle, up to six, a short while after it is first
     * shown with a workspace open, so the first run does not build and style six panes in its first frame; the
     * first one also renders a sample answer (loads and styles the Markdown nodes once). Then rehearses: a sample
     * answer streams into the first (hidden) view as a run's answer does — prepared between renders, rendered every
     * third pulse, a few words a pulse, rendered whole at its end, then cleared — so that the code a streaming answer
     * runs is compiled before the first Run instead of during it. Called every pulse.
     */
    void prewarm(long now) {
        if (!prewarming()) {
            idleSince = 0;
            return;
        }
        if (idleSince == 0) {
            idleSince = now;
        }
        if (pool.size() == MAX_PANES) {
            rehearse();
            return;
        }
        if (now - idleSince < PREWARM_AFTER_NANOS || now - lastPrewarm < PREWARM_EVERY_NANOS) {
            return;
        }
        lastPrewarm = now;
        AnswerPaneView v = addToPool(PaneModel.blank());
        if (pool.size() == 1) {
            v.markdown().setMarkdown(SAMPLE, false);
        }
    }

    /** Whether the rehearsal has streamed its whole answer (for tests). */
    boolean rehearsed() {
        return rehearsed == REHEARSAL.length();
    }

    /** One pulse of the rehearsal (see {@link #prewarm}). */
    private void rehearse() {
        dev.switchyard.ui.compare.markdown.MarkdownView md = pool.get(0).markdown();
        rehearsed = Math.min(REHEARSAL.length(), rehearsed + REHEARSAL_CHARS_PER_PULSE);
        String text = REHEARSAL.substring(0, rehearsed);
        if (rehearsed == REHEARSAL.length()) {
            md.setMarkdown(text, false);
            md.setMarkdown("", false); // its nodes leave over the next pulses, before any Run
        } else if (++rehearsalPulse % CompareView.PULSES_PER_RENDER == 0) {
            md.setMarkdown(text, true);
        } else {
            md.prepare(text);
        }
    }

    private void constraints(int n, int cols) {
        laidOutFor = n;
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        int rows = (n + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / Math.max(rows, 1));
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
    }

    /** The vote buttons, built when a vote opens (not with every run: they would be styled for nothing). */
    private void rebuildVoteBar() {
        Label ask = new Label("Which answer is better?");
        ask.setMinWidth(Region.USE_PREF_SIZE);
        ask.getStyleClass().add("vote-question");
        voteBar.getChildren().setAll(ask);
        for (PaneModel p : model.panes()) {
            Button b = new Button(p.titleProperty().get());
            b.setId("vote-" + p.titleProperty().get().replace(' ', '-').toLowerCase(java.util.Locale.ROOT));
            b.setOnAction(e -> model.vote(p));
            voteBar.getChildren().add(b);
        }
        Button tie = new Button("Tie");
        tie.setId("vote-tie");
        tie.setOnAction(e -> model.vote(null));
        voteBar.getChildren().add(tie);
    }
}
