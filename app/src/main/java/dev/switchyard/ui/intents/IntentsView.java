package dev.switchyard.ui.intents;

import dev.switchyard.ui.Dialogs;
import dev.switchyard.ui.ScreenHeading;
import dev.switchyard.ui.Styles;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Intent sets: sets on the left, a set's intents and the intent editor in the middle, "try a prompt" on the right. */
public final class IntentsView extends BorderPane {

    public IntentsView(IntentsViewModel model) {
        setId("intents-view");
        getStyleClass().add("screen"); // the shared control theming of screens.css (lists, fields, labels)

        // sets
        ListView<IntentSet> sets = new ListView<>(model.sets());
        sets.setId("intent-sets");
        sets.setCellFactory(v -> cell(IntentSet::name));
        // A pick asks about unsaved changes once the click is handled (Cancel puts the selection back); a selection the
        // list made itself while the model re-read it is gone by then, and ignored.
        sets.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> {
            if (s != null && s != model.setProperty().get()) {
                Platform.runLater(() -> {
                    if (sets.getSelectionModel().getSelectedItem() == s && s != model.setProperty().get()) {
                        model.select(s);
                        sets.getSelectionModel().select(model.setProperty().get());
                    }
                });
            }
        });
        // invalidation, not change: a re-read set equal to the shown one is a new object the list must select
        model.setProperty().addListener(o -> sets.getSelectionModel().select(model.setProperty().get()));
        TextField newSet = new TextField();
        newSet.setId("intent-set-name");
        newSet.setPromptText("New set name");
        newSet.textProperty().bindBidirectional(model.newSetNameProperty());
        Button create = new Button("Create");
        create.setId("intent-set-create");
        create.setOnAction(e -> model.createSet());
        create.setMinWidth(Region.USE_PREF_SIZE);
        HBox createRow = new HBox(6, newSet, create);
        HBox.setHgrow(newSet, Priority.ALWAYS);
        VBox left = new VBox(8, heading("Sets"), sets, createRow);
        VBox.setVgrow(sets, Priority.ALWAYS);
        left.setPrefWidth(220);
        left.setMinWidth(170);

        // intents and editor
        ListView<Intent> intents = new ListView<>(model.intents());
        intents.setId("intent-list");
        intents.setCellFactory(v -> cell(i -> i.name() + "  ·  " + i.examples().size()
                + (i.examples().size() == 1 ? " example" : " examples")));
        intents.getSelectionModel().selectedItemProperty().addListener((o, old, i) -> {
            if (i != null && i != model.intentProperty().get()) {
                Platform.runLater(() -> {
                    if (intents.getSelectionModel().getSelectedItem() == i && i != model.intentProperty().get()) {
                        model.edit(i);
                        showEdited(intents, model.intentProperty().get());
                    }
                });
            }
        });
        model.intentProperty().addListener(o -> showEdited(intents, model.intentProperty().get()));
        TextField name = new TextField();
        name.setId("intent-name");
        name.setPromptText("Intent name, e.g. lights_on");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField reply = new TextField();
        reply.setId("intent-reply");
        reply.setPromptText("Reply (optional), e.g. Turning on the {{room|}} lights.");
        reply.textProperty().bindBidirectional(model.replyProperty());
        TextArea examples = dev.switchyard.ui.TabMovesFocus.install(new TextArea());
        examples.setId("intent-examples");
        examples.setPromptText("Example utterances, one per line");
        examples.setPrefRowCount(8);
        examples.setMinHeight(96); // four lines or so when the window is short: the list gives way first
        examples.textProperty().bindBidirectional(model.examplesProperty());
        Button add = new Button("New intent");
        add.setId("intent-new");
        add.setOnAction(e -> model.edit(null));
        model.setAskToSave(question -> Dialogs.askToSave(this, "Unsaved changes", question,
                "The changes to this intent's name, reply or examples are lost if you don't save them."));
        Button save = new Button("Save intent");
        save.setId("intent-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        Button delete = new Button("Delete…");
        delete.setId("intent-delete");
        delete.disableProperty().bind(model.intentProperty().isNull());
        delete.setOnAction(e -> {
            if (model.deleteQuestion() != null && Dialogs.confirm(this, "Delete an intent", model.deleteQuestion(),
                    "The next run of " + model.setProperty().get().name() + "'s intent model no longer knows it. "
                            + "This cannot be undone.", "Delete")) {
                model.delete();
            }
        });
        Label editing = new Label();
        editing.setId("intent-editing");
        editing.getStyleClass().add(Styles.MUTED);
        editing.textProperty().bind(Bindings.createStringBinding(() -> {
            Intent i = model.intentProperty().get();
            String what = i == null ? "New intent" : "Editing " + i.name();
            return model.unsavedProperty().get() ? what + " · unsaved changes" : what;
        }, model.intentProperty(), model.unsavedProperty()));
        FlowPane buttons = new FlowPane(6, 6, save, add, delete);
        buttons.getChildren().forEach(b -> ((Region) b).setMinWidth(Region.USE_PREF_SIZE));
        intents.setMinHeight(90);
        VBox middle = new VBox(8, heading("Intents"), intents, editing, field("Name", name),
                field("Reply the intent model answers with ({{slot}} is filled from the prompt)", reply),
                field("Examples, one per line", examples), buttons);
        VBox.setVgrow(intents, Priority.ALWAYS);
        middle.setPadding(new Insets(0, 16, 0, 16));
        middle.setPrefWidth(360);
        middle.setMinWidth(250);
        HBox.setHgrow(middle, Priority.ALWAYS);

        // try
        TextField prompt = new TextField();
        prompt.setId("intent-try-prompt");
        prompt.setPromptText("Try a prompt, e.g. turn on the kitchen lights");
        prompt.textProperty().bindBidirectional(model.promptProperty());
        prompt.setOnAction(e -> model.tryPrompt());
        Button tryIt = new Button("Try");
        tryIt.setId("intent-try");
        tryIt.setOnAction(e -> model.tryPrompt());
        HBox tryRow = new HBox(6, prompt, tryIt);
        HBox.setHgrow(prompt, Priority.ALWAYS);
        ListView<IntentsViewModel.Scored> scores = new ListView<>(model.scores());
        scores.setId("intent-scores");
        scores.setPrefHeight(110);
        Label result = new Label();
        result.setId("intent-try-result");
        result.setWrapText(true);
        result.textProperty().bind(model.tryResultProperty());
        Label note = new Label("Top intents of the set, as its intent model in Compare would answer.");
        note.getStyleClass().add(Styles.MUTED);
        note.setWrapText(true);
        VBox right = new VBox(8, heading("Try a prompt"), tryRow, note, scores, result);
        right.setPrefWidth(400);
        right.setMinWidth(220);
        tryIt.setMinWidth(Region.USE_PREF_SIZE);

        Label message = new Label();
        message.setId("intent-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        BorderPane.setMargin(message, new Insets(10, 0, 0, 0));

        VBox heading = ScreenHeading.of("Intent sets", "What the embedded intent model recognises: each set's intents, "
                + "their example utterances and the reply it gives. A saved change is used by the next run.");
        BorderPane.setMargin(heading, new Insets(0, 0, 12, 0));
        setTop(heading);
        // one row, not BorderPane sides: the sides would keep their widths and push the editor out of a narrow window
        setCenter(new HBox(0, left, middle, right));
        setBottom(message);
    }

    /** Selects the intent in the editor in the list, or nothing for a new intent. */
    private static void showEdited(ListView<Intent> intents, Intent edited) {
        if (edited == null) {
            intents.getSelectionModel().clearSelection();
        } else {
            intents.getSelectionModel().select(edited);
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.SECTION_TITLE);
        return l;
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** A form field with its caption above it. */
    private static VBox field(String caption, javafx.scene.Node input) {
        Label l = new Label(caption);
        l.getStyleClass().add("form-label");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, not cut to "…" when the column is short of height
        return new VBox(2, l, input);
    }
}
