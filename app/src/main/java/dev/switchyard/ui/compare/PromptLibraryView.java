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
        Label none = new Label();
        none.setWrapText(true);
        none.textProperty().bind(library.searchProperty().map(q -> q == null || q.isBlank() ? "No saved prompts yet."
                : "No saved prompt matches \u201c" + q.strip() + "\u201d."));
        list.setPlaceholder(none);
        list.setCellFactory(v -> new EntryCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                library.pick(e);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, search, list, versions(library));
    }

    /** The picked prompt's saved versions; clicking one (or Enter) loads it into the editor. */
    private static VBox versions(PromptLibraryModel library) {
        Label title = new Label();
        title.getStyleClass().add("side-subtitle");
        title.textProperty().bind(javafx.beans.binding.Bindings.concat("Versions of ", library.versionsOfProperty()));
        title.setMinWidth(0);
        ListView<PromptLibraryModel.VersionRow> list = new ListView<>(library.versions());
        list.setId("prompt-versions");
        list.getStyleClass().add("version-list");
        list.setCellFactory(v -> new VersionCell(library));
        list.setFixedCellSize(26);
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(library.versions())
                .map(n -> Math.min(n.intValue(), 5) * 26 + 4.0));
        list.setMinHeight(Region.USE_PREF_SIZE); // the prompt list above shrinks first
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                library.pickVersion(list.getSelectionModel().getSelectedItem());
            }
        });
        library.versions().addListener((javafx.collections.ListChangeListener<PromptLibraryModel.VersionRow>) c ->
                list.getSelectionModel().clearSelection());
        VBox box = new VBox(4, title, list);
        box.setId("prompt-versions-box");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(library.versions()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static final class VersionCell extends ListCell<PromptLibraryModel.VersionRow> {
        VersionCell(PromptLibraryModel library) {
            getStyleClass().add("version-row");
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null) {
                    library.pickVersion(getItem());
                }
            });
        }

        @Override
        protected void updateItem(PromptLibraryModel.VersionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label label = new Label(row.label());
            label.getStyleClass().add("version-label");
            label.setMinWidth(0);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox box = new HBox(4, label, grow);
            box.setAlignment(Pos.CENTER_LEFT);
            if (!row.note().isEmpty()) {
                Label note = new Label(row.note());
                note.getStyleClass().addAll("muted", "version-note");
                note.setMinWidth(Region.USE_PREF_SIZE);
                box.getChildren().add(note);
            }
            box.setMinWidth(0);
            box.setPrefWidth(1);
            setGraphic(box);
            setText(null);
            setTooltip(new javafx.scene.control.Tooltip(row.saved() + (row.latest() ? " (latest)" : "") + ". Click to load it."));
        }
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
