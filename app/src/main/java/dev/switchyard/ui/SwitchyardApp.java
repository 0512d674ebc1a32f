package dev.switchyard.ui;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.StartupLog;
import dev.switchyard.ui.compare.CompareScreen;
import dev.switchyard.ui.main.MainView;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.main.OverviewScreen;
import dev.switchyard.ui.replay.ReplayScreen;
import dev.switchyard.ui.routing.RoutingScreen;
import dev.switchyard.ui.routing.RoutingViewModel;
import dev.switchyard.app.routing.edit.WorkspaceDesignerBackend;
import dev.switchyard.app.net.NetworkMonitor;
import dev.switchyard.app.net.SocketNetworkProbe;
import dev.switchyard.ui.history.HistoryScreen;
import dev.switchyard.ui.intents.IntentsScreen;
import dev.switchyard.ui.models.ModelsScreen;
import dev.switchyard.ui.net.NetworkStatus;
import dev.switchyard.ui.prefs.AppChrome;
import dev.switchyard.ui.prefs.AppPreferences;
import dev.switchyard.ui.welcome.WelcomeScreen;
import dev.switchyard.app.IdleCollector;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.input.InputEvent;
import java.util.concurrent.ScheduledExecutorService;
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
    // app chrome (screens branch): preferences, network monitor on its own scheduler
    private AppPreferences prefs;
    private ScheduledExecutorService scheduler;
    private NetworkMonitor networkMonitor;
    private NetworkStatus network;

    @Override
    public void start(Stage stage) {
        StartupLog.mark("JavaFX started: Application.start");
        String named = getParameters().getNamed().get("workspace");
        prefs = AppChrome.preferences();
        Path file = named != null ? Path.of(named) : prefs.lastWorkspace().orElse(dev.switchyard.workspace.Workspace.defaultFile());
        context = AppContext.system();
        tasks = new FxTaskRunner();
        model = new MainViewModel(tasks, context::prepare);
        // The workspace opens in the background (schema migrations, shipped sets and prices) while the window is
        // built; its result reaches the screens after start() returns, as before.
        model.open(file);
        startNetworkMonitor();
        StartupLog.mark("context, tasks, network monitor; workspace opening");
        WelcomeScreen welcome = new WelcomeScreen(model, tasks, context);
        CompareScreen compare = new CompareScreen(context, tasks, model, networkMonitor::isOnline, network, prefs,
                id -> ((MainView) stage.getScene().getRoot()).show(id));
        StartupLog.mark("compare screen");
        // Screens not shown at start are built on first use.
        Screen routing = new LazyScreen("routing", "Routing", () -> new RoutingScreen(new RoutingViewModel(tasks),
                model.workspaceProperty(), ws -> new WorkspaceDesignerBackend(context, ws)));
        Screen replay = new LazyScreen("replay", "Replay", () -> ReplayScreen.create(context, tasks, model,
                networkMonitor::isOnline, network.onlineProperty()));
        Screen history = new LazyScreen("history", "History", () -> new HistoryScreen(model, tasks, prefs,
                id -> ((MainView) stage.getScene().getRoot()).show(id)));
        Screen models = new LazyScreen("models", "Models", () -> new ModelsScreen(model, tasks, context, prefs, network));
        Screen intents = new LazyScreen("intents", "Intent sets", () -> new IntentsScreen(model, tasks, context));
        MainView view = new MainView(model, List.of(compare, routing, replay, history, models, intents, new OverviewScreen(model, tasks), welcome));
        welcome.setNavigator(view::show);
        StartupLog.mark("main view");

        double[] size = dev.switchyard.ui.prefs.WindowMemory.firstSize(javafx.stage.Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(view, size[0], size[1]); // remembered bounds, if any, replace it (AppChrome)
        scene.getStylesheets().add(Objects.requireNonNull(SwitchyardApp.class.getResource(BASE_CSS)).toExternalForm());
        stage.titleProperty().unbind(); // a reused stage (window tests) may still be bound to an earlier model
        stage.setTitle("Switchyard");
        stage.titleProperty().bind(model.workspaceNameProperty().map(n -> n.isEmpty() ? "Switchyard" : n + " — Switchyard"));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!view.mayLeave("Quit")) {
                e.consume(); // the window stays, with the unsaved work
            }
        });
        AppChrome.install(stage, scene, view, model, prefs, network);
        StartupLog.mark("scene and chrome");
        if (StartupLog.enabled()) {
            stage.setOnShown(e -> StartupLog.mark("window shown"));
            model.modeProperty().addListener((o, a, m) -> StartupLog.mark("workspace " + m));
            boolean[] first = {true};
            scene.addPostLayoutPulseListener(() -> {
                if (first[0]) {
                    first[0] = false;
                    StartupLog.mark("first pulse laid out");
                }
            });
        }
        stage.show();
        warmUpCloudClientSoon();
        collectGarbageWhenIdle(scene);
    }

    /**
     * In a JVM with the parallel collector (the window's, README decision 33), a full collection once the window is
     * quiet and the answers of earlier runs have piled up in the old generation, instead of one while answers stream.
     */
    private void collectGarbageWhenIdle(Scene scene) {
        AtomicLong lastInput = new AtomicLong(System.nanoTime());
        IdleCollector.forThisJvm(lastInput::get).ifPresent(collector -> {
            scene.addEventFilter(InputEvent.ANY, e -> lastInput.set(System.nanoTime()));
            scheduler.scheduleWithFixedDelay(collector::check, 1, 1, TimeUnit.SECONDS);
        });
    }

    /**
     * A second after the window shows (while the user reads it), runs the cloud client once over loopback on a
     * background thread, so the first cloud answer's time to first token is the provider's, not this JVM's warm-up
     * (README decision 26).
     */
    private void warmUpCloudClientSoon() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(1000);
                context.warmUpCloud();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "switchyard-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Checks the network every few seconds off the FX thread; hosts are those of the workspace's providers. */
    private void startNetworkMonitor() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchyard-network");
            t.setDaemon(true);
            return t;
        });
        networkMonitor = new NetworkMonitor(SocketNetworkProbe.system(() -> model.workspace() == null ? List.of()
                : dev.switchyard.app.net.ProbedNetworkState.hosts(model.workspace())), context.clock());
        network = new NetworkStatus(networkMonitor, tasks);
        networkMonitor.start(scheduler, NetworkMonitor.DEFAULT_PERIOD);
        if (!"false".equals(System.getProperty("switchyard.lowerJitPriority"))) {
            BackgroundPriority.forThisProcess(BackgroundPriority.JIT_AND_CONCURRENT_GC).ifPresent(
                    p -> scheduler.scheduleWithFixedDelay(p::scan, 0, 3, TimeUnit.SECONDS));
        }
    }

    /** The network state other screens read (online/offline). */
    public NetworkStatus network() {
        return network;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
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
