package dev.switchyard.ui.compare;

import dev.switchyard.app.AppContext;
import dev.switchyard.ui.Screen;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.task.TaskRunner;
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

    private final CompareViewModel model;
    private final CompareView view;
    private boolean shownBefore;

    public CompareScreen(AppContext app, TaskRunner tasks, MainViewModel main, Consumer<String> navigate) {
        model = new CompareViewModel(tasks, System::nanoTime,
                CompletableFuture.delayedExecutor(BATCH_WINDOW_MS, TimeUnit.MILLISECONDS), new Random());
        view = new CompareView(model, () -> navigate.accept(MODELS_SCREEN));
        main.workspaceProperty().addListener((obs, old, ws) -> model.open(ws, ws == null ? null : app.engines(ws)::forModel));
        if (main.workspace() != null) {
            model.open(main.workspace(), app.engines(main.workspace())::forModel);
        }
        view.parentProperty().addListener((obs, old, parent) -> {
            if (parent != null && old == null && shownBefore) {
                model.refreshModels();
            }
            shownBefore |= parent != null;
        });
    }

    /** The view model (for the benchmark and tests). */
    public CompareViewModel model() {
        return model;
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
}
