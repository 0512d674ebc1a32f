package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.engine.Sourcing;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Start a replay: policy version, answers (cached/live), the estimate to confirm, progress and cancel. */
final class StartBar extends VBox {

    StartBar(ReplayViewModel root) {
        super(8);
        RunViewModel model = root.run();
        getStyleClass().add("replay-start");

        ComboBox<ReplayBackend.PolicyChoice> policy = new ComboBox<>(model.policies());
        policy.setId("replay-policy");
        policy.setPromptText("no saved policy");
        policy.valueProperty().bindBidirectional(model.policyProperty());
        ComboBox<Sourcing> sourcing = new ComboBox<>();
        sourcing.setId("replay-sourcing");
        sourcing.getItems().setAll(Sourcing.values());
        sourcing.valueProperty().bindBidirectional(model.sourcingProperty());
        sourcing.setConverter(new StringConverter<>() {
            @Override
            public String toString(Sourcing s) {
                return s == null ? "" : switch (s) {
                    case PREFER_CACHED -> "Stored runs, else live";
                    case CACHED_ONLY -> "Stored runs only";
                    case LIVE -> "Live calls";
                };
            }

            @Override
            public Sourcing fromString(String s) {
                return null;
            }
        });
        Label dataset = new Label();
        dataset.getStyleClass().add("replay-dataset-name");
        dataset.textProperty().bind(Bindings.createStringBinding(() -> model.datasetProperty().get() == null
                ? "no dataset" : "over “" + model.datasetProperty().get().name() + "”", model.datasetProperty()));
        BooleanBinding busy = model.modeProperty().isEqualTo(RunViewModel.Mode.RUNNING)
                .or(model.modeProperty().isEqualTo(RunViewModel.Mode.PREPARING))
                .or(model.modeProperty().isEqualTo(RunViewModel.Mode.CONFIRMING));
        Button start = new Button("Replay…");
        start.setId("replay-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(busy.or(model.policyProperty().isNull()).or(model.datasetProperty().isNull()));
        start.setOnAction(e -> model.prepare());

        ComboBox<ReplayBackend.ReplayRow> stored = new ComboBox<>(root.replays());
        stored.setId("replay-stored");
        stored.setPromptText("Stored replays");
        stored.setPrefWidth(260);
        Button open = new Button("Open");
        open.setId("replay-open");
        open.disableProperty().bind(stored.valueProperty().isNull());
        open.setOnAction(e -> root.results().open(stored.getValue().replay().id()));
        Button resume = new Button("Resume");
        resume.setId("replay-resume");
        resume.disableProperty().bind(busy.or(Bindings.createBooleanBinding(() -> stored.getValue() == null
                || stored.getValue().replay().status() == dev.switchyard.workspace.model.ReplayStatus.COMPLETED,
                stored.valueProperty())));
        resume.setOnAction(e -> model.resume(stored.getValue().replay().id()));
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {policy, sourcing, start, open, resume}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        policy.setPrefWidth(180);
        Label policyLabel = new Label("Policy");
        policyLabel.setMinWidth(Region.USE_PREF_SIZE);
        // a long dataset name is cut ("over “Everyday prompts of…”", whole in the tooltip and the Datasets list) rather
        // than widening the bar past a 1100 px window
        dataset.setMinWidth(80);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(dataset.textProperty());
        dataset.setTooltip(whole);
        HBox top = new HBox(8, policyLabel, policy, dataset, sourcing, start);
        top.setAlignment(Pos.CENTER_LEFT);
        Label storedLabel = new Label("Or a stored replay");
        storedLabel.getStyleClass().add("muted");
        HBox again = new HBox(8, storedLabel, stored, open, resume);
        again.setAlignment(Pos.CENTER_LEFT);

        Label estimate = new Label();
        estimate.setId("replay-estimate");
        estimate.setWrapText(true);
        estimate.textProperty().bind(model.estimateProperty());
        HBox.setHgrow(estimate, Priority.ALWAYS);
        estimate.setMaxWidth(Double.MAX_VALUE);
        estimate.setMinHeight(Region.USE_PREF_SIZE); // wraps instead of being cut to "…" in a narrow window
        Button confirm = new Button("Confirm and start");
        confirm.setId("replay-confirm");
        confirm.getStyleClass().add("accent");
        confirm.setOnAction(e -> model.confirm());
        Button decline = new Button("Don't start");
        decline.setId("replay-decline");
        decline.setOnAction(e -> model.decline());
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        decline.setMinWidth(Region.USE_PREF_SIZE);
        Label warning = new Label();
        warning.setId("replay-estimate-warning");
        warning.getStyleClass().add("error-text");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        javafx.scene.layout.VBox said = new javafx.scene.layout.VBox(4, estimate, warning);
        HBox.setHgrow(said, Priority.ALWAYS);
        HBox confirmBox = new HBox(8, said, confirm, decline);
        confirmBox.setId("replay-confirm-box");
        confirmBox.getStyleClass().add("replay-confirm-box");
        confirmBox.setAlignment(Pos.CENTER_LEFT);
        showWhen(confirmBox, model.modeProperty().isEqualTo(RunViewModel.Mode.CONFIRMING));

        ProgressBar bar = new ProgressBar();
        bar.setId("replay-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setPrefWidth(320);
        Label progress = new Label();
        progress.setId("replay-progress-text");
        progress.textProperty().bind(model.progressTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("replay-cancel");
        cancel.setOnAction(e -> model.cancel());
        HBox progressBox = new HBox(8, bar, progress, cancel);
        progressBox.setAlignment(Pos.CENTER_LEFT);
        showWhen(progressBox, model.modeProperty().isEqualTo(RunViewModel.Mode.RUNNING));

        Label message = new Label();
        message.setId("replay-run-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, again, confirmBox, progressBox, message);
    }

    static void showWhen(javafx.scene.Node n, javafx.beans.value.ObservableBooleanValue cond) {
        n.visibleProperty().bind(cond);
        n.managedProperty().bind(cond);
    }
}
