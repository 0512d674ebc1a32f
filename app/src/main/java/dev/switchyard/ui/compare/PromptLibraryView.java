package dev.switchyard.ui.compare;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Sidebar of saved prompts with search; picking one loads it into the editor. */
final class PromptLibraryView extends VBox {

    PromptLibraryView(PromptLibraryModel library) {
        getStyleClass().add("prompt-library");
        setId("prompt-library");
        Label title = new Label("Prompts");
        title.getStyleClass().add("side-title");
        Button add = new Button("New");
        add.setId("new-prompt");
        add.getStyleClass().add("flat-button");
        add.setOnAction(e -> library.newPrompt());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, title, grow, add);
        head.setAlignment(Pos.CENTER_LEFT);

        TextField search = new TextField();
        search.setId("prompt-search");
        search.setPromptText("Search prompts");
        search.textProperty().bindBidirectional(library.searchProperty());

        ListView<PromptLibraryModel.Entry> list = new ListView<>(library.entries());
        list.setId("prompt-list");
        list.setPlaceholder(new Label("No saved prompts yet."));
        list.setCellFactory(v -> new EntryCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                library.pick(e);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, search, list);
    }

    private static final class EntryCell extends ListCell<PromptLibraryModel.Entry> {
        @Override
        protected void updateItem(PromptLibraryModel.Entry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(e.name());
            name.getStyleClass().add("entry-name");
            Label summary = new Label(e.summary());
            summary.getStyleClass().addAll("muted", "entry-summary");
            VBox box = new VBox(1, name, summary);
            box.setMinWidth(0);
            box.setPrefWidth(1);
            setGraphic(box);
            setText(null);
        }
    }
}
