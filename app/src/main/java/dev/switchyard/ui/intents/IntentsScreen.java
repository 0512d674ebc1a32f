package dev.switchyard.ui.intents;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.IntentSetStore;
import dev.switchyard.ui.Screen;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.task.TaskRunner;
import javafx.scene.Node;

/** The Intent sets screen, following the open workspace. */
public final class IntentsScreen implements Screen {

    private final IntentsViewModel model;
    private final IntentsView view;

    public IntentsScreen(MainViewModel main, TaskRunner tasks, AppContext context) {
        model = new IntentsViewModel(tasks, ws -> new IntentSetStore(ws, context.directory(ws)),
                () -> context.intentModels().intentModel());
        view = new IntentsView(model);
        main.workspaceProperty().addListener((obs, old, ws) -> model.setWorkspace(ws));
        main.refreshesProperty().addListener((obs, old, n) -> model.refresh()); // keeps the editor's changes
        model.setWorkspace(main.workspace());
    }

    @Override
    public String id() {
        return "intents";
    }

    @Override
    public String title() {
        return "Intent sets";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public String unsavedWork() {
        return model.unsavedWork(); // the intent being edited, a set name typed and not created
    }

    public IntentsViewModel model() {
        return model;
    }
}
