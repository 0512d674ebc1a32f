package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.Rule;
import dev.switchyard.app.routing.edit.Describe;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** The node shapes of the policy canvas: prompt, rule, default and model (target) nodes. */
final class FlowNodes {

    /** The model node's title font (the theme's 13 px, bold) and the width its text has inside the node. */
    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);
    private static final double TARGET_TEXT_W = PolicyCanvas.TARGET_W - 24 - 6;
    private static final double TITLE_LINE = 17;

    private FlowNodes() {
    }

    static Region prompt() {
        Label title = new Label("Prompt");
        title.getStyleClass().add("node-title");
        Label sub = new Label("incoming");
        sub.getStyleClass().add("node-detail");
        VBox b = PolicyCanvas.box("flow-node", "prompt-node");
        b.getChildren().addAll(title, sub);
        b.setId("prompt-node");
        b.setPrefSize(PolicyCanvas.PROMPT_W, 48);
        b.setAlignment(Pos.CENTER);
        return b;
    }

    static Region rule(int index, Rule r, List<Problem> problems, boolean selected, boolean hit) {
        Label number = new Label(String.valueOf(index + 1));
        number.getStyleClass().add("rule-number");
        boolean unnamed = r.name() == null || r.name().isBlank();
        Label name = new Label(unnamed ? "unnamed rule" : r.name());
        name.getStyleClass().add(unnamed ? "node-title-muted" : "node-title");
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox head = new HBox(8, number, name);
        head.setAlignment(Pos.CENTER_LEFT);
        badge(head, problems);
        Label when = new Label("if " + Describe.inline(r.when()));
        when.getStyleClass().add("node-condition");
        Label then = new Label(Describe.action(r.then()));
        then.getStyleClass().add("node-detail");
        // a long name, condition or action is cut to fit the node: hovering any of them shows the rule whole
        wholeOnHover((index + 1) + " " + name.getText() + "\n" + when.getText() + "\n" + then.getText(), name, when, then);
        VBox b = PolicyCanvas.box("flow-node", "rule-node");
        b.getChildren().addAll(head, when, then);
        b.setId("rule-node-" + index);
        b.setPrefSize(PolicyCanvas.RULE_W, PolicyCanvas.RULE_H);
        b.setMaxSize(PolicyCanvas.RULE_W, PolicyCanvas.RULE_H);
        state(b, problems, selected, hit);
        return b;
    }

    static Region defaultNode(Action a, List<Problem> problems, boolean selected, boolean hit) {
        Label title = new Label("Default");
        title.getStyleClass().add("node-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(8, title);
        head.setAlignment(Pos.CENTER_LEFT);
        badge(head, problems);
        Label when = new Label("when no rule matches");
        when.getStyleClass().add("node-condition");
        Label then = new Label(Describe.action(a));
        then.getStyleClass().add("node-detail");
        wholeOnHover("Default: " + then.getText(), then);
        VBox b = PolicyCanvas.box("flow-node", "default-node");
        b.getChildren().addAll(head, when, then);
        b.setId("default-node");
        b.setPrefSize(PolicyCanvas.RULE_W, PolicyCanvas.RULE_H);
        state(b, problems, selected, hit);
        return b;
    }

    /** The model node's name: one line, or two when it is too long for the node ("intent:customer-" / "support"). */
    static String targetTitle(String target) {
        return String.join("\n", NameLines.split(target, TARGET_TEXT_W, TITLE_FONT));
    }

    /** A model node's height: taller when its name takes two lines. */
    static double targetHeight(String target) {
        return targetTitle(target).contains("\n") ? PolicyCanvas.TARGET_H + TITLE_LINE : PolicyCanvas.TARGET_H;
    }

    static Region target(String target, int index, boolean used, boolean hit) {
        Label name = new Label(targetTitle(target));
        name.getStyleClass().add("node-title");
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label kind = new Label(kind(target));
        kind.getStyleClass().add("node-detail");
        VBox b = PolicyCanvas.box("flow-node", "target-node");
        b.getChildren().addAll(name, kind);
        b.setId("target-node-" + index);
        b.setUserData(target);
        b.setPrefSize(PolicyCanvas.TARGET_W, targetHeight(target));
        b.setAlignment(Pos.CENTER_LEFT);
        if (!used) {
            b.getStyleClass().add("unused");
        }
        if (hit) {
            b.getStyleClass().add("hit");
        }
        Tooltip.install(b, new Tooltip(target + (used ? "" : " (not used yet: drag a rule's port here)")));
        return b;
    }

    private static void wholeOnHover(String text, Label... labels) {
        for (Label l : labels) {
            Tooltip tip = new Tooltip(text);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            l.setTooltip(tip);
        }
    }

    private static String kind(String target) {
        if (target.startsWith("$")) {
            return "role";
        } else if (target.startsWith("intent:")) {
            return "local intent model";
        }
        return "model";
    }

    private static void badge(HBox head, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        Label badge = new Label(String.valueOf(problems.size()));
        badge.getStyleClass().add("problem-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip(PolicyCanvas.problemText(problems));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        badge.setTooltip(tip);
        head.getChildren().add(badge);
    }

    private static void state(Region b, List<Problem> problems, boolean selected, boolean hit) {
        if (!problems.isEmpty()) {
            b.getStyleClass().add("has-problem");
        }
        if (selected) {
            b.getStyleClass().add("selected");
        }
        if (hit) {
            b.getStyleClass().add("hit");
        }
    }
}
