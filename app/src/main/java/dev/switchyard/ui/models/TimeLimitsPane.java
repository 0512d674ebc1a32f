package dev.switchyard.ui.models;

import dev.switchyard.app.models.TimeLimits;
import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.ui.WrapRow;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A cloud model's time limits: four fields, each with whether it is the default under it, Save and Reset to defaults;
 * a field typed wrong is marked {@code :invalid} with the mistake in its tooltip, and Save says it in red.
 */
final class TimeLimitsPane extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    TimeLimitsPane(TimeLimitsEditor limits) {
        super(8);
        setId("time-limits");
        Label title = new Label();
        title.setId("limits-title");
        title.getStyleClass().add("caption");
        title.textProperty().bind(limits.titleProperty());
        Label summary = new Label();
        summary.setId("limits-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(limits.summaryProperty());

        HBox fields = new HBox(8);
        for (Limit l : Limit.values()) {
            fields.getChildren().add(field(limits, l));
        }
        fields.setMinWidth(Region.USE_PREF_SIZE); // the four fields stay whole; the buttons go under them when short
        fields.disableProperty().bind(limits.hasModelProperty().not());
        Button save = new Button("Save time limits");
        save.setId("limits-save");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.setOnAction(e -> limits.save());
        save.disableProperty().bind(limits.hasModelProperty().not());
        Button reset = new Button("Reset to defaults");
        reset.setId("limits-reset");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.setOnAction(e -> limits.resetToDefaults());
        reset.disableProperty().bind(limits.hasModelProperty().not().or(limits.atDefaultsProperty()));
        HBox buttons = new HBox(8, save, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        WrapRow row = new WrapRow(12, fields, buttons);
        row.setId("limits-row");

        Label error = new Label();
        error.setId("limits-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(limits.errorProperty());
        error.visibleProperty().bind(limits.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label message = new Label();
        message.setId("limits-message");
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(limits.messageProperty());
        message.visibleProperty().bind(limits.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        getChildren().addAll(title, summary, row, error, message);
    }

    private static VBox field(TimeLimitsEditor limits, Limit l) {
        String id = "limit-" + l.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Label caption = new Label(l.label());
        caption.getStyleClass().add("form-label");
        caption.setTooltip(new Tooltip(explain(l)));
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText("e.g. " + TimeLimits.format(l.of(dev.switchyard.cloud.Timeouts.DEFAULT)));
        f.setPrefColumnCount(6);
        f.setMinWidth(Region.USE_PREF_SIZE);
        f.textProperty().bindBidirectional(limits.textProperty(l));
        Tooltip tip = new Tooltip();
        Runnable mark = () -> {
            String problem = limits.problemProperty(l).get();
            boolean wrong = !problem.isEmpty();
            f.pseudoClassStateChanged(INVALID, wrong);
            tip.setText(wrong ? problem : explain(l));
        };
        f.setTooltip(tip);
        limits.problemProperty(l).addListener((o, a, b) -> mark.run());
        mark.run();
        Label note = new Label();
        note.setId(id + "-note");
        note.getStyleClass().add("muted");
        note.textProperty().bind(limits.noteProperty(l));
        return new VBox(2, caption, f, note);
    }

    /** What a limit covers, for the tooltips. */
    private static String explain(Limit l) {
        return (switch (l) {
            case CONNECT -> "Connect: how long connecting to the provider may take (" + bounds(l) + ").";
            case FIRST_TOKEN -> "First token: from sending the request, connecting included, to the first token of the "
                    + "answer — raise it for a gateway that loads a large model on its first request (" + bounds(l) + ").";
            case IDLE_GAP -> "Idle gap: the longest pause between two chunks of the answer (" + bounds(l) + ").";
            case TOTAL -> "Total: the whole run, retries included (" + bounds(l) + ").";
        }) + " Write 90 s, 5 min or 500 ms; a bare number is seconds.";
    }

    private static String bounds(Limit l) {
        return TimeLimits.format(l.min()) + " to " + TimeLimits.format(l.max());
    }
}
