package dev.switchyard.ui.models;

import dev.switchyard.ui.ScreenHeading;
import dev.switchyard.ui.net.NetworkStatus;
import dev.switchyard.ui.prefs.AppPreferences;
import dev.switchyard.ui.prefs.WindowMemory;
import dev.switchyard.workspace.model.Provider;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Models and providers: cloud providers (list, add, connection, models, prices) and local models, in two tabs. */
public final class ModelsView extends VBox {

    private final TabPane tabs;

    public ModelsView(ModelsViewModel model, AppPreferences prefs, NetworkStatus network) {
        super(10);
        setId("models-view");
        model.setAskToSave(question -> dev.switchyard.ui.Dialogs.askToSave(this, "Unsaved changes", question,
                "What you typed there is lost if you don't save it."));
        getStyleClass().add("screen");

        VBox providers = providerList(model);
        SplitPane split = new SplitPane(providers, right(model));
        split.setId("models-split");
        SplitPane.setResizableWithParent(providers, false); // a narrower window narrows the provider, not the list
        WindowMemory.rememberSplit(split, "models", prefs, 0.2);
        Tab cloud = new Tab("Cloud providers", split);
        cloud.setId("tab-cloud");
        ScrollPane localScroll = new ScrollPane(new LocalModelsPane(model.local()));
        localScroll.setFitToWidth(true);
        localScroll.setFitToHeight(true);
        Tab local = new Tab("Local models", localScroll);
        local.setId("tab-local");
        tabs = new TabPane(cloud, local);
        tabs.setId("models-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        Label message = new Label();
        message.setId("models-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        Label offline = new Label("Offline: cloud providers cannot be reached right now, so connection tests and cloud "
                + "runs will fail; local models keep working.");
        offline.setId("models-offline");
        offline.getStyleClass().addAll("notice", "offline-notice");
        offline.setWrapText(true);
        offline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped whole, not cut to one line at 720 px
        offline.visibleProperty().bind(network.onlineProperty().not());
        offline.managedProperty().bind(offline.visibleProperty());
        getChildren().addAll(ScreenHeading.of("Models and providers",
                "Keys live in the OS keyring or environment variables, never in the workspace file."),
                offline, tabs, message);
    }

    /** Selects the tab {@code "cloud"} or {@code "local"} (ids {@code tab-cloud}, {@code tab-local}). */
    void showTab(String name) {
        tabs.getTabs().stream().filter(t -> ("tab-" + name).equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private static VBox providerList(ModelsViewModel model) {
        ListView<Provider> list = new ListView<>(model.providers());
        list.setId("provider-list");
        list.setCellFactory(l -> new ListCell<>() {
            {
                // as wide as the list, no wider: a long name is cut with "…" (it was clipped, under a sideways scroll bar)
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Provider p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name());
                // a long name cut with "…" reads whole on hover, with where the provider is
                setTooltip(empty || p == null ? null : new javafx.scene.control.Tooltip(p.name() + "\n" + p.baseUrl()));
            }
        });
        // A pick asks about what is typed and not saved once the click is handled (Cancel puts the selection back); a
        // selection the list made itself while the model re-read it is gone by then, and ignored.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.selectedProviderProperty().get()) {
                javafx.application.Platform.runLater(() -> {
                    if (list.getSelectionModel().getSelectedItem() == now && now != model.selectedProviderProperty().get()) {
                        model.pickProvider(now);
                        list.getSelectionModel().select(model.selectedProviderProperty().get());
                    }
                });
            }
        });
        model.selectedProviderProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        // File → Refresh replaces the list's items: the selected provider stays highlighted
        model.providers().addListener((javafx.collections.ListChangeListener<Provider>) c -> {
            Provider now = model.selectedProviderProperty().get();
            int at = now == null ? -1 : model.providers().stream().map(Provider::id).toList().indexOf(now.id());
            if (at >= 0 && list.getSelectionModel().getSelectedIndex() != at) {
                list.getSelectionModel().select(at);
            }
        });
        Label none = new Label("No cloud providers yet.");
        none.getStyleClass().add("muted");
        list.setPlaceholder(none);
        Button add = new Button("+ Add provider");
        add.setId("provider-add");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> model.beginAdd());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, list, add);
        box.getStyleClass().add("side-list");
        box.setMinWidth(150);
        return box;
    }

    private static Node right(ModelsViewModel model) {
        ScrollPane detail = scroll(new ProviderDetailPane(model));
        ScrollPane add = scroll(new AddProviderPane(model));
        VBox empty = new VBox(10);
        empty.getStyleClass().add("empty-state");
        Label head = new Label("Connect a cloud provider");
        head.getStyleClass().add("section-title");
        Label text = new Label("Pick a preset (OpenAI, Anthropic, OpenRouter, XRoute.AI, Ollama…) or any "
                + "OpenAI-compatible base URL, then list its models and add the ones to compare.");
        text.setWrapText(true);
        text.getStyleClass().add("muted");
        Button start = new Button("Add provider");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> model.beginAdd());
        empty.getChildren().addAll(head, text, start);
        StackPane stack = new StackPane(detail, add, empty);
        detail.visibleProperty().bind(model.modeProperty().isEqualTo(ModelsViewModel.Mode.VIEWING));
        add.visibleProperty().bind(model.modeProperty().isEqualTo(ModelsViewModel.Mode.ADDING));
        empty.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.modeProperty().get()
                == ModelsViewModel.Mode.EMPTY || model.modeProperty().get() == ModelsViewModel.Mode.NO_WORKSPACE,
                model.modeProperty()));
        return stack;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add("plain-scroll");
        return s;
    }
}
