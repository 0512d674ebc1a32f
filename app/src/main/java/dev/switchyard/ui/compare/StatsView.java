package dev.switchyard.ui.compare;

import dev.switchyard.app.compare.Formats;
import dev.switchyard.app.compare.ModelStats;
import dev.switchyard.app.compare.Summary;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A table per model (p50/p95/min/max of TTFT, total time, tokens/s, cost) with fastest/cheapest marked, and blind win rates. */
final class StatsView extends ScrollPane {

    private final CompareViewModel model;
    private final DeferredRebuild deferred = new DeferredRebuild(this::rebuild);
    private final FlowPane cards = new FlowPane(12, 12);
    private final GridPane winRates = new GridPane();

    StatsView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("stats-view");
        setFitToWidth(true);
        cards.setId("stats-cards");
        winRates.setId("win-rates");
        winRates.getStyleClass().add("stats-table");
        Label winTitle = new Label("Blind votes: win rate per model");
        winTitle.getStyleClass().add("section-title");
        Label title = new Label("This comparison");
        title.getStyleClass().add("section-title");
        VBox content = new VBox(12, title, cards, winTitle, winRates);
        content.getStyleClass().add("stats-content");
        setContent(content);
        model.stats().addListener((ListChangeListener<ModelStats>) c -> deferred.request());
        model.figuresHiddenProperty().addListener((o, a, b) -> deferred.request());
        model.winRates().addListener((ListChangeListener<CompareViewModel.WinRateRow>) c -> rebuildWinRates());
        rebuild();
        rebuildWinRates();
    }

    /** Rebuilds only while {@code shown} (the tab is selected); a change made meanwhile is shown on return. */
    void showWhile(javafx.beans.value.ObservableBooleanValue shown) {
        deferred.showWhile(shown);
    }

    private void rebuild() {
        cards.getChildren().clear();
        if (model.stats().isEmpty()) {
            Label empty = new Label(model.figuresHiddenProperty().get() ? CompareViewModel.FIGURES_HIDDEN
                    : "Run a comparison to see its figures here; set Repeat above 1 for p50 and p95.");
            empty.setId("stats-empty");
            empty.getStyleClass().add("muted");
            cards.getChildren().add(empty);
            return;
        }
        int i = 0;
        for (ModelStats s : model.stats()) {
            cards.getChildren().add(card(s, i++));
        }
    }

    private VBox card(ModelStats s, int index) {
        Label name = new Label(s.label());
        name.getStyleClass().add("pane-title");
        HBox head = new HBox(6, name);
        head.setAlignment(Pos.CENTER_LEFT);
        if (s.fastest()) {
            head.getChildren().add(badge("Fastest", "badge-fastest"));
        }
        if (s.cheapest()) {
            head.getChildren().add(badge("Cheapest", "badge-cheapest"));
        }
        GridPane t = new GridPane();
        t.getStyleClass().add("stats-table");
        String[] cols = {"", "p50", "p95", "min", "max"};
        for (int c = 0; c < cols.length; c++) {
            t.add(header(cols[c]), c, 0);
        }
        row(t, 1, "TTFT", s.ttftMs(), Formats::ms);
        row(t, 2, "Total time", s.totalMs(), Formats::ms);
        row(t, 3, "Tokens/s", s.tokensPerSec(), v -> String.format(java.util.Locale.ROOT, "%.1f", v));
        row(t, 4, "Cost / run", s.costUsd(), Formats::usd);
        Label per1000 = new Label("Cost per 1,000 such prompts: " + Formats.usd(s.costPer1000()));
        per1000.getStyleClass().add("per-thousand");
        per1000.setId("per-thousand-" + index);
        int fellBack = s.completed() - s.answered();
        Label runs = new Label(s.completed() + " of " + s.runs() + " runs completed" + (fellBack == 0 ? ""
                : " · no intent matched in " + fellBack + (fellBack == 1 ? " run" : " runs")
                + (s.answered() == 0 ? ", so not ranked fastest or cheapest" : "")));
        runs.setWrapText(true);
        runs.getStyleClass().add("muted");
        VBox card = new VBox(8, head, t, per1000, runs);
        card.getStyleClass().add("stats-card");
        card.setId("stats-" + index);
        return card;
    }

    private static Label badge(String text, String style) {
        Label b = new Label(text);
        b.getStyleClass().addAll("badge", style);
        return b;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stats-header");
        return l;
    }

    private static void row(GridPane t, int r, String metric, Summary s, Function<Double, String> fmt) {
        Label name = new Label(metric);
        name.getStyleClass().add("stats-metric");
        t.add(name, 0, r);
        double[] v = s == null ? null : new double[] {s.p50(), s.p95(), s.min(), s.max()};
        for (int c = 0; c < 4; c++) {
            Label cell = new Label(v == null ? Formats.NONE : fmt.apply(v[c]));
            cell.getStyleClass().add("stats-cell");
            t.add(cell, c + 1, r);
        }
    }

    private void rebuildWinRates() {
        winRates.getChildren().clear();
        if (model.winRates().isEmpty()) {
            Label none = new Label("No votes yet. Turn on Blind, run, and pick the better answer.");
            none.getStyleClass().add("muted");
            winRates.add(none, 0, 0);
            return;
        }
        String[] cols = {"Model", "Votes", "Wins", "Ties", "Win rate"};
        for (int c = 0; c < cols.length; c++) {
            winRates.add(header(cols[c]), c, 0);
        }
        int r = 1;
        for (CompareViewModel.WinRateRow w : model.winRates()) {
            String[] cells = {w.model(), String.valueOf(w.votes()), String.valueOf(w.wins()), String.valueOf(w.ties()), w.winRate()};
            for (int c = 0; c < cells.length; c++) {
                Label l = new Label(cells[c]);
                l.getStyleClass().add(c == 0 ? "stats-metric" : "stats-cell");
                winRates.add(l, c, r);
            }
            r++;
        }
    }
}
