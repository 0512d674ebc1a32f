package dev.switchyard.ui.routing;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Versions of the open policy: list, diff two, restore one; import a policy file as a version, export the one shown. */
final class VersionsView extends VBox {

    /** @param fileButtons Import… and Export… (their file dialogs are the screen's) */
    VersionsView(VersionsViewModel vm, javafx.scene.Node fileButtons) {
        super(8);
        setId("versions-panel");
        setPadding(new Insets(12));
        ListView<VersionsViewModel.VersionRow> list = new ListView<>(vm.versions());
        list.setId("version-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(180);
        list.setPlaceholder(new Label("Save the policy to make its first version."));
        Button diff = new Button("Diff selected");
        diff.setId("version-diff");
        diff.setOnAction(e -> vm.diffSelected(selected(list)));
        Button restore = new Button("Restore");
        restore.setId("version-restore");
        restore.setOnAction(e -> vm.restoreSelected(selected(list)));
        Label hint = new Label("Select two versions to diff them (one: against the previous).");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<String> changes = new ListView<>(vm.diff());
        changes.setId("version-changes");
        changes.getStyleClass().add("diff-list");
        changes.setPlaceholder(new Label("No diff yet."));
        VBox.setVgrow(changes, Priority.ALWAYS);
        Label status = new Label();
        status.setId("version-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.getStyleClass().add("version-status");
        status.textProperty().bind(vm.statusProperty());
        vm.statusProblemProperty().addListener((o, was, problem) -> {
            if (problem) {
                status.getStyleClass().add("problem-text");
            } else {
                status.getStyleClass().remove("problem-text");
            }
        });
        changes.setPrefHeight(140); // the version list keeps its height in a short window; the changes take the rest
        getChildren().addAll(Inspector.label("Versions"), list, new HBox(6, diff, restore), hint,
                Inspector.label("Policy file"), fileButtons, status, Inspector.label("Changes"), changes);
    }

    private static java.util.List<Integer> selected(ListView<VersionsViewModel.VersionRow> list) {
        return list.getSelectionModel().getSelectedItems().stream().map(VersionsViewModel.VersionRow::version).toList();
    }
}
