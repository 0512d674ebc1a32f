package dev.switchyard.ui.replay;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.routing.NetworkState;
import dev.switchyard.ui.Screen;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.task.TaskRunner;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** The Replay screen: replay a policy version over a dataset and read what it would have cost and how good it is. */
public final class ReplayScreen implements Screen {

    private final ReplayViewModel model;
    private ReplayView view;
    private final FileDialogs dialogs;

    public ReplayScreen(ReplayViewModel model) {
        this(model, FileDialogs.system());
    }

    public ReplayScreen(ReplayViewModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    /**
     * The screen wired to the app: the replay core over the workspace the main window has open; {@code network} is
     * the network monitor's state, so a live replay's confirmation names the cloud models it calls while offline, and
     * {@code online} that state on the FX thread, so the confirmation is checked again when the network goes or comes.
     */
    public static ReplayScreen create(AppContext app, TaskRunner tasks, MainViewModel main, NetworkState network,
            ObservableValue<Boolean> online) {
        ReplayViewModel model = new ReplayViewModel(tasks, main.workspaceProperty(), ws -> new WorkspaceReplayBackend(
                ws, ReplayService.of(app, ws, network), PolicyAdapters.forApp(app)));
        online.addListener((obs, was, now) -> model.run().networkChanged());
        return new ReplayScreen(model);
    }

    @Override
    public String id() {
        return "replay";
    }

    @Override
    public String title() {
        return "Replay";
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ReplayView(model, dialogs);
        }
        return view;
    }
}
