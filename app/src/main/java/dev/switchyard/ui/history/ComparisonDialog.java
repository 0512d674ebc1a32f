package dev.switchyard.ui.history;

import java.time.ZoneId;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A stored comparison reopened read-only: one column per run, with its text and metrics. */
final class ComparisonDialog extends Dialog<Void> {

    ComparisonDialog(Window owner, ComparisonDetail detail, ZoneId zone) {
        initOwner(owner);
        setTitle("Comparison #" + detail.comparison().id());
        setResizable(true);
        getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        getDialogPane().getStyleClass().add("app-root");
        getDialogPane().setId("comparison-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        Label head = new Label(String.format("%s · %d runs · repeat %d%s", Formats.when(detail.comparison().createdAt(), zone),
                detail.runs().size(), detail.comparison().repeatCount(), detail.comparison().blind() ? " · blind" : ""));
        head.getStyleClass().add("muted");
        HBox columns = new HBox(12);
        columns.setId("comparison-columns");
        for (HistoryRow r : detail.runs()) {
            columns.getChildren().add(column(r));
        }
        if (detail.runs().isEmpty()) {
            columns.getChildren().add(new Label("This comparison has no stored runs."));
        }
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToHeight(true);
        scroll.setPrefViewportWidth(Math.min(1100, 360 * Math.max(1, detail.runs().size())));
        scroll.setPrefViewportHeight(460);
        String prompt = detail.runs().isEmpty() ? "" : detail.runs().get(0).run().promptText();
        Label promptLabel = new Label(prompt);
        promptLabel.setWrapText(true);
        promptLabel.getStyleClass().add("comparison-prompt");
        VBox content = new VBox(10, head, promptLabel, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getDialogPane().setContent(content);
    }

    private static VBox column(HistoryRow r) {
        Label name = new Label(r.modelName() + (r.run().repeatIndex() > 0 ? "  #" + (r.run().repeatIndex() + 1) : ""));
        name.getStyleClass().add("section-title");
        Label status = new Label(Formats.status(r.status()));
        status.getStyleClass().addAll("status-chip", "status-" + r.status().code().toLowerCase(java.util.Locale.ROOT));
        Label metrics = new Label(Formats.metrics(r.run()));
        metrics.setWrapText(true);
        metrics.getStyleClass().add("metric-line");
        TextArea text = new TextArea(r.run().outputText());
        text.setEditable(false);
        text.setWrapText(true);
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox col = new VBox(6, name, status, metrics, text);
        col.getStyleClass().addAll("card", "comparison-column");
        col.setPrefWidth(340);
        col.setMinWidth(300);
        return col;
    }
}
