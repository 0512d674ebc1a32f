package dev.switchyard.ui.history;

import dev.switchyard.ui.Screen;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.prefs.AppPreferences;
import dev.switchyard.ui.task.TaskRunner;
import java.time.ZoneId;
import javafx.scene.Node;

/** The History screen: follows the open workspace and re-reads the page each time it is shown. */
public final class HistoryScreen implements Screen {

    private final HistoryViewModel model;
    private final HistoryView view;

    /** {@code navigate} switches the main window to a screen by id ("compare/comparison/42" shows a comparison). */
    public HistoryScreen(MainViewModel main, TaskRunner tasks, AppPreferences prefs, java.util.function.Consumer<String> navigate) {
        model = new HistoryViewModel(tasks, ZoneId.systemDefault());
        view = new HistoryView(model, prefs, id -> navigate.accept("compare/" + dev.switchyard.ui.compare.CompareScreen.COMPARISON + "/" + id));
        main.workspaceProperty().addListener((obs, old, ws) -> model.setWorkspace(ws));
        model.setWorkspace(main.workspace());
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && main.workspace() != null) {
                model.refresh();
            }
        });
    }

    @Override
    public String id() {
        return "history";
    }

    @Override
    public String title() {
        return "History";
    }

    @Override
    public Node view() {
        return view;
    }

    public HistoryViewModel model() {
        return model;
    }
}
