package dev.switchyard.ui;

import dev.switchyard.app.AppContext;
import dev.switchyard.ui.compare.CompareScreen;
import dev.switchyard.ui.main.MainView;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.main.OverviewScreen;
import dev.switchyard.ui.replay.ReplayScreen;
import dev.switchyard.ui.routing.RoutingScreen;
import dev.switchyard.ui.routing.RoutingViewModel;
import dev.switchyard.app.routing.edit.WorkspaceDesignerBackend;
import java.util.List;
import dev.switchyard.ui.task.FxTaskRunner;
import dev.switchyard.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application and composition root of the desktop UI. */
public final class SwitchyardApp extends Application {

    /** Stylesheets, base variables first; a theme only overrides variables. */
    public static final String BASE_CSS = "/assets/css/theme-base.css";

    private AppContext context;
    private TaskRunner tasks;
    private MainViewModel model;

    @Override
    public void start(Stage stage) {
        String named = getParameters().getNamed().get("workspace");
        Path file = named != null ? Path.of(named) : dev.switchyard.workspace.Workspace.defaultFile();
        context = AppContext.system();
        tasks = new FxTaskRunner();
        model = new MainViewModel(tasks, context::prepare);
        MainView view = new MainView(model, List.of(new CompareScreen(context, tasks, model, id -> ((MainView) stage.getScene().getRoot()).show(id)), new OverviewScreen(model), new RoutingScreen(new RoutingViewModel(tasks), model.workspaceProperty(), ws -> new WorkspaceDesignerBackend(context, ws)), ReplayScreen.create(context, tasks, model)));

        Scene scene = new Scene(view, 1100, 720);
        scene.getStylesheets().add(Objects.requireNonNull(SwitchyardApp.class.getResource(BASE_CSS)).toExternalForm());
        stage.setTitle("Switchyard");
        stage.titleProperty().bind(model.workspaceNameProperty().map(n -> n.isEmpty() ? "Switchyard" : n + " — Switchyard"));
        stage.setScene(scene);
        stage.show();
        model.open(file);
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
