package dev.switchyard.ui.compare;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.routing.AutoRoutes;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.app.routing.WorkspaceRouting;
import dev.switchyard.app.run.RunService;
import dev.switchyard.ui.Screen;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * The Compare workbench screen: wires the view model to the open workspace and the engines, and builds the view.
 * {@code navigate} switches the main window to another screen by id (the Models screen fixes unavailable models).
 */
public final class CompareScreen implements Screen {

    /**
     * Stream batch window: tokens reach the FX thread at most once per this many ms per pane. The view renders at
     * most 25 times a second, so a shorter window would only post more batches than frames.
     */
    public static final long BATCH_WINDOW_MS = 50;
    /** Id of the screen where keys and models are fixed. */
    public static final String MODELS_SCREEN = "models";
    /** Id of the screen where policies are fixed. */
    public static final String ROUTING_SCREEN = "routing";

    private final CompareViewModel model;
    private final CompareView view;
    private boolean shownBefore;

    /**
     * {@code network} is what "Auto: &lt;policy&gt;" panes route by when a policy asks whether the machine is online;
     * {@code status} what the picker shows: offline, a cloud model cannot run now (the picker is read again when it
     * changes).
     */
    public CompareScreen(AppContext app, TaskRunner tasks, MainViewModel main, NetworkState network,
                         dev.switchyard.ui.net.NetworkStatus status, dev.switchyard.ui.prefs.AppPreferences prefs,
                         Consumer<String> navigate) {
        model = new CompareViewModel(tasks, System::nanoTime,
                CompletableFuture.delayedExecutor(BATCH_WINDOW_MS, TimeUnit.MILLISECONDS), new Random());
        // the draft is kept 1.5 s after the typing stops, not only when the workspace closes (a crash loses nothing more)
        model.setDraftTimer(new dev.switchyard.ui.task.FxDebouncer(java.time.Duration.ofMillis(1500)));
        view = new CompareView(model, navigate);
        view.rememberSplit(prefs);
        view.rememberLibrary(prefs);
        main.workspaceProperty().addListener((obs, old, ws) -> open(app, ws, network));
        main.refreshesProperty().addListener((obs, old, n) -> model.refreshModels()); // a model another process added
        model.setNetwork(status::isOnline);
        status.onlineProperty().addListener((obs, was, now) -> model.refreshModels());
        // a local model loading into memory says so in the picker, and stops saying it when loaded
        app.localModels().onLoadsChanged(() -> tasks.onUiThread(model::refreshModels));
        if (main.workspace() != null) {
            open(app, main.workspace(), network);
        }
        view.parentProperty().addListener((obs, old, parent) -> {
            if (parent != null && old == null && shownBefore) {
                model.refreshModels();
            }
            shownBefore |= parent != null;
        });
    }

    private void open(AppContext app, Workspace ws, NetworkState network) {
        if (ws == null) {
            model.open(null, null);
            return;
        }
        model.open(ws, app.engines(ws)::forModel, () -> new AutoRoutes(ws, new WorkspaceRouting(app, ws, network),
                new RunService(ws, app.clock(), System::nanoTime), app.engines(ws)::forModel));
    }

    /** The view model (for the benchmark and tests). */
    public CompareViewModel model() {
        return model;
    }

    /** A model added or a key set from a terminal (the CLI) meanwhile shows in the picker, ready or not. */
    @Override
    public void windowFocused() {
        model.refreshModels();
    }

    @Override
    public String id() {
        return "compare";
    }

    @Override
    public String title() {
        return "Compare";
    }

    @Override
    public Node view() {
        return view;
    }

    /** {@code comparison/<id>}: shows that stored comparison (History's "Open in Compare"). */
    @Override
    public void focus(String section) {
        if (section.startsWith(COMPARISON + "/")) {
            try {
                model.showStored(Long.parseLong(section.substring(COMPARISON.length() + 1)));
            } catch (NumberFormatException e) {
                // not a comparison id: nothing to show
            }
        }
    }

    /** The section prefix of a stored comparison: {@code compare/comparison/42} opens comparison 42. */
    public static final String COMPARISON = "comparison";
}
