package dev.switchyard.ui.models;

import dev.switchyard.app.AppContext;
import dev.switchyard.ui.Screen;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.net.NetworkStatus;
import dev.switchyard.ui.prefs.AppPreferences;
import dev.switchyard.ui.task.TaskRunner;
import javafx.scene.Node;

/** The Models and providers screen, following the open workspace. */
public final class ModelsScreen implements Screen {

    private final ModelsViewModel model;
    private final ModelsView view;
    private boolean shownBefore;

    public ModelsScreen(MainViewModel main, TaskRunner tasks, AppContext context, AppPreferences prefs,
                        NetworkStatus network) {
        KeyVault vault = new SystemKeyVault(context);
        model = new ModelsViewModel(tasks, ModelsServices.of(context, vault), vault, context.catalog().providers(),
                LocalModelService.of(context), context.clock());
        view = new ModelsView(model, prefs, network);
        main.workspaceProperty().addListener((obs, old, ws) -> model.setWorkspace(ws));
        main.refreshesProperty().addListener((obs, old, n) -> model.refresh()); // File → Refresh (F5)
        model.setWorkspace(main.workspace());
        // shown again (from Compare's "Fix in Models…", say): the local models' files are checked anew, so a model
        // damaged since the screen was last shown does not read "Ready" here while the picker says otherwise
        view.parentProperty().addListener((obs, old, parent) -> {
            if (parent != null && old == null && shownBefore) {
                model.local().refresh();
            }
            shownBefore |= parent != null;
        });
    }

    /** A provider, key, model or price added from a terminal (the CLI) meanwhile shows; what is being typed stays. */
    @Override
    public void windowFocused() {
        model.refresh();
    }

    @Override
    public String id() {
        return "models";
    }

    @Override
    public String title() {
        return "Models";
    }

    @Override
    public Node view() {
        return view;
    }

    /**
     * {@code "cloud"} or {@code "local"}: the tab to show; {@code "cloud/<provider id>"} also picks that provider,
     * {@code "local/<model id>"} that local model (its row says what is wrong with its files and what fixes it).
     */
    @Override
    public void focus(String section) {
        String[] parts = section.split("/", 2);
        view.showTab(parts[0]);
        if (parts.length > 1) {
            try {
                long id = Long.parseLong(parts[1]);
                if (parts[0].equals("local")) {
                    model.local().selectModel(id);
                } else {
                    model.selectProvider(id); // once read, when the list does not hold it yet
                }
            } catch (NumberFormatException e) {
                // not an id: the tab alone
            }
        }
    }

    /** Typed and not saved: time limits, prices, the device cost, a provider being added, a key being set. */
    @Override
    public String unsavedWork() {
        return model.unsavedWork();
    }

    public ModelsViewModel model() {
        return model;
    }
}
