package dev.switchyard.ui.compare;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The workspace's models and routing policies with a check box each (1–6), whether each can run now, and what fixes it. */
final class ModelPickerView extends VBox {

    private final ModelPickerModel picker;
    /** Opens the Models screen, on the tab named ("cloud", "local") or as it was left (null). */
    private final Consumer<String> openModels;
    private final Runnable openRouting;
    private final VBox rows = new VBox(4);

    ModelPickerView(ModelPickerModel picker, Consumer<String> openModels, Runnable openRouting) {
        this.picker = picker;
        this.openModels = openModels;
        this.openRouting = openRouting;
        setId("model-picker");
        getStyleClass().add("model-picker");
        Label title = new Label("Models");
        title.getStyleClass().add("side-title");
        // "2 of 6 picked", or "2 of 6" where the picker is narrow (a 1000 px window): never cut to "2 of 6 …"
        FitCaption count = new FitCaption(countText(0), countBrief(0), "How many models are picked: up to "
                + ModelPickerModel.MAX + " answer side by side.");
        count.setId("picked-count");
        count.getStyleClass().add("muted");
        count.setTexts(countText(picker.selectedCountProperty().get()), countBrief(picker.selectedCountProperty().get()));
        picker.selectedCountProperty().addListener((o, was, n) -> count.setTexts(countText(n.intValue()),
                countBrief(n.intValue())));
        Button manage = new Button("Manage…");
        manage.getStyleClass().add("flat-button");
        manage.setOnAction(e -> openModels.accept(null));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        for (javafx.scene.control.Control n : new javafx.scene.control.Control[] {title, manage}) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox head = new HBox(8, title, count, grow, manage);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("picker-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, scroll);
        picker.choices().addListener((ListChangeListener<ModelChoice>) c -> rebuild());
        rebuild();
    }

    private static String countText(int n) {
        return countBrief(n) + " picked";
    }

    private static String countBrief(int n) {
        return n + " of " + ModelPickerModel.MAX;
    }

    private void rebuild() {
        rows.getChildren().clear();
        if (picker.choices().isEmpty()) {
            Label none = new Label("No models in this workspace yet. Add a provider and its models, "
                    + "or download a local model.");
            none.setWrapText(true);
            none.getStyleClass().add("muted");
            Button add = new Button("Add models");
            add.setOnAction(e -> openModels.accept(null));
            rows.getChildren().addAll(none, add);
            return;
        }
        for (ModelChoice c : picker.choices()) {
            rows.getChildren().add(row(c));
        }
    }

    private VBox row(ModelChoice c) {
        CheckBox box = new CheckBox(c.name());
        box.setId("pick-" + c.idSuffix());
        box.selectedProperty().bindBidirectional(c.selectedProperty());
        box.disableProperty().bind(picker.fullProperty().and(c.selectedProperty().not()));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setWrapText(true);
        box.setMinHeight(Region.USE_PREF_SIZE);
        Label provider = new Label(c.provider());
        provider.getStyleClass().addAll("muted", "indent");
        // the kind badge sits beside the provider, so a long name has the row's whole width to wrap in (beside
        // the name it left ~150 px, and "Intent model (customer-support)" broke inside a word)
        Label kind = new Label(c.kindLabel());
        kind.getStyleClass().addAll("kind-badge", "kind-" + c.kindCode());
        kind.setMinWidth(Region.USE_PREF_SIZE);
        HBox where = new HBox(6, provider, kind);
        where.setAlignment(Pos.CENTER_LEFT);
        Label state = new Label("● " + (c.ready() && c.availability().reason() == null ? "Ready" : c.availability().reason()));
        state.setWrapText(true);
        state.getStyleClass().addAll("indent", c.ready() ? "state-ready" : "state-blocked");
        VBox row = new VBox(1, box, where, state);
        row.getStyleClass().add("model-row");
        if (c.fix() == ModelChoice.Fix.OPEN_MODELS) {
            Button fix = new Button("Fix in Models…");
            fix.getStyleClass().addAll("flat-button", "indent");
            // to the tab that fixes it: a missing key on Cloud providers, missing files on Local models
            fix.setOnAction(e -> openModels.accept(c.fixTab()));
            row.getChildren().add(fix);
        } else if (c.fix() == ModelChoice.Fix.OPEN_ROUTING) {
            Button fix = new Button("Fix in Routing…");
            fix.getStyleClass().addAll("flat-button", "indent");
            fix.setOnAction(e -> openRouting.run());
            row.getChildren().add(fix);
        } else if (c.fix() == ModelChoice.Fix.TEXT) {
            Label fix = new Label(c.availability().fix());
            fix.setWrapText(true);
            fix.getStyleClass().addAll("fix-text", "indent");
            row.getChildren().add(fix);
        }
        return row;
    }
}
