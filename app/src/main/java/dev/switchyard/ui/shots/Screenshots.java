package dev.switchyard.ui.shots;

import dev.switchyard.app.AppContext;
import dev.switchyard.ui.SwitchyardApp;
import dev.switchyard.ui.prefs.AppChrome;
import dev.switchyard.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Produces the README screenshots from the real app: seeds a demo workspace in a temporary folder, opens the
 * window under the current DISPLAY, visits each screen in the light and the dark theme and writes PNGs
 * (JavaFX {@code Scene.snapshot}). Usage: {@code Screenshots [output-dir]} (default {@code app/docs/screenshots}).
 */
public final class Screenshots {

    /** Shot name → the screen it is taken on. */
    private static final List<String[]> SHOTS = List.of(new String[] {"welcome", "welcome"},
            new String[] {"compare", "compare"}, new String[] {"compare-auto", "compare"},
            new String[] {"compare-charts", "compare"}, new String[] {"routing", "routing"}, new String[] {"replay", "replay"},
            new String[] {"history", "history"}, new String[] {"comparison", "history"},
            new String[] {"models", "models"}, new String[] {"models-add", "models"}, new String[] {"local-models", "models"},
            new String[] {"intents", "intents"}, new String[] {"overview", "overview"});

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "app/docs/screenshots").toAbsolutePath();
        System.setProperty(AppChrome.PREFS_PROPERTY, "memory");
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "switchyard-demo"));
        Path file = dir.resolve("Demo workspace.switchyard");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        // the demo gateway answers the replay while the workspace is seeded and the Compare shot while the window is open
        try (DemoGateway gateway = new DemoGateway()) {
            try (Workspace ws = Workspace.open(file); AppContext ctx = AppContext.system()) {
                DemoWorkspace.seed(ws, ctx, gateway);
            }
            launch(out, file);
        }
    }

    private static void launch(Path out, Path file) {
        Thread driver = new Thread(() -> {
            try {
                drive(out);
                System.out.println("Screenshots written to " + out);
            } catch (Throwable t) {
                t.printStackTrace();
                System.exit(1);
            } finally {
                Platform.exit();
            }
        }, "screenshots");
        driver.setDaemon(true);
        driver.start();
        Application.launch(SwitchyardApp.class, "--workspace=" + file);
    }

    private static void drive(Path out) throws Exception {
        Stage stage = waitFor(() -> Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                .map(w -> (Stage) w).findFirst().orElse(null));
        fx(() -> {
            stage.setX(0);
            stage.setY(0);
            // the README's size; -Dswitchyard.shots.size=1100x720 shows the screens at the smallest size they are made for
            String[] size = System.getProperty("switchyard.shots.size", "1360x860").split("x");
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            return null;
        });
        Thread.sleep(2500);
        for (String theme : List.of("light", "dark")) {
            fx(() -> {
                darkToggle(stage.getScene()).setSelected(theme.equals("dark"));
                return null;
            });
            for (String[] shot : SHOTS) {
                fx(() -> {
                    ((ToggleButton) stage.getScene().lookup("#nav-" + shot[1])).fire();
                    return null;
                });
                Thread.sleep(700);
                if (shot[1].equals("history")) {
                    // the screen re-reads its page when shown: select in the page it shows, not the one before
                    waitUntil(() -> !"Loading…".equals(((javafx.scene.control.Labeled) ((TableView<?>) stage.getScene()
                            .lookup("#history-table")).getPlaceholder()).getText()));
                }
                fx(() -> {
                    prepare(stage.getScene(), shot[0]);
                    return null;
                });
                if (shot[0].equals("compare")) {
                    Thread.sleep(1000);
                    waitUntil(() -> stage.getScene().lookup("#stop-all-button").isDisabled());
                    // the README's first picture is a finished run: a refused or failed one is a broken shot, not a shot
                    String said = fx(() -> ((javafx.scene.control.Labeled) stage.getScene().lookup("#compare-message"))
                            .getText());
                    if (said == null || !said.startsWith("Finished " + DemoGateway.MODELS.size() + " runs")) {
                        throw new IllegalStateException("the demo's Compare run did not finish: \"" + said + "\"");
                    }
                }
                Thread.sleep(shot[0].startsWith("compare-") ? 4000 : shot[0].equals("intents")
                        || shot[0].equals("comparison") || shot[0].equals("replay") ? 3000 : 1200);
                shoot(stage.getScene(), out.resolve(shot[0] + "-" + theme + ".png"));
                fx(() -> {
                    cleanUp(stage);
                    return null;
                });
            }
        }
    }

    /** Selects something on screens whose right-hand side is empty until a row is chosen. */
    @SuppressWarnings("unchecked")
    private static void prepare(Scene scene, String shot) {
        if (shot.equals("compare")) {
            // one prompt, the demo gateway's three models side by side; the picker scrolled to them
            List<javafx.scene.control.CheckBox> boxes = new java.util.ArrayList<>();
            for (javafx.scene.Node n : scene.getRoot().lookupAll(".check-box")) {
                if (n instanceof javafx.scene.control.CheckBox box && box.getId() != null && box.getId().startsWith("pick-")) {
                    box.setSelected(false);
                    boxes.add(box);
                }
            }
            for (DemoGateway.DemoModel m : DemoGateway.MODELS) {
                boxes.stream().filter(b -> b.getId().equals("pick-" + dev.switchyard.ui.compare.ModelChoice.safeId(m.id()))).findFirst().ifPresent(b -> b.setSelected(true));
            }
            ((javafx.scene.control.TextInputControl) scene.lookup("#system-message")).setText(DemoGateway.COMPARE_SYSTEM);
            ((javafx.scene.control.TextInputControl) scene.lookup("#user-message")).setText(DemoGateway.COMPARE_PROMPT);
            ((javafx.scene.control.Button) scene.lookup("#run-button")).fire();
            boxes.stream().filter(b -> b.getId().startsWith("pick-demo-")).findFirst().ifPresent(Screenshots::scrollIntoView);
        } else if (shot.equals("history") || shot.equals("comparison")) {
            TableView<Object> t = (TableView<Object>) scene.lookup("#history-table");
            if (!t.getItems().isEmpty()) {
                // history: the newest run on the page sent with a system message, shown apart from its user message
                int row = shot.equals("comparison") ? 1 : indexOfFirst(t.getItems(),
                        r -> r instanceof dev.switchyard.ui.history.HistoryRow h && h.prompt().system() != null);
                t.getSelectionModel().clearAndSelect(row);
                t.scrollTo(Math.max(0, row - 3));
            }
            if (shot.equals("comparison")) { // History's "Open in Compare": the stored comparison on the Compare screen
                ((javafx.scene.control.Button) scene.lookup("#history-open-comparison")).fire();
            }
        } else if (shot.equals("compare-auto")) {
            // a device command beside "Auto: tiered": the policy keeps it on the device and says why
            for (javafx.scene.Node n : scene.getRoot().lookupAll(".check-box")) {
                if (n instanceof javafx.scene.control.CheckBox box && box.getId() != null && box.getId().startsWith("pick-")) {
                    box.setSelected(box.getId().equals("pick-auto-tiered") || box.getText().startsWith("Intent model (smart-home)"));
                }
            }
            ((javafx.scene.control.TextInputControl) scene.lookup("#user-message")).setText("Turn on the kitchen lights");
            ((javafx.scene.control.Button) scene.lookup("#run-button")).fire();
        } else if (shot.equals("compare-charts")) {
            // three models five times each, then the charts: every repeat as a dot, the p50 as a bar
            for (javafx.scene.Node n : scene.getRoot().lookupAll(".check-box")) {
                if (n instanceof javafx.scene.control.CheckBox box && box.getId() != null && box.getId().startsWith("pick-")) {
                    box.setSelected(box.getId().equals("pick-auto-tiered") || box.getText().startsWith("Intent model"));
                }
            }
            ((javafx.scene.control.Spinner<Integer>) scene.lookup("#repeat-spinner")).getValueFactory().setValue(5);
            ((javafx.scene.control.TextInputControl) scene.lookup("#user-message")).setText("Turn on the kitchen lights");
            ((javafx.scene.control.Button) scene.lookup("#run-button")).fire();
            ((javafx.scene.control.TabPane) scene.lookup("#compare-results")).getSelectionModel().select(2);
        } else if (shot.equals("intents")) {
            // the first set (customer-support), its second intent in the editor and a prompt tried against the set
            ListView<Object> intents = (ListView<Object>) scene.lookup("#intent-list");
            if (intents.getItems().size() > 1) {
                intents.getSelectionModel().select(1);
            }
            ((javafx.scene.control.TextInputControl) scene.lookup("#intent-try-prompt")).setText("where is my order #A12345?");
            ((javafx.scene.control.Button) scene.lookup("#intent-try")).fire();
        } else if (shot.equals("replay")) {
            // the demo's finished replay of the default policy: summary cards, the chart and the items
            javafx.scene.control.ComboBox<Object> stored = (javafx.scene.control.ComboBox<Object>) scene.lookup("#replay-stored");
            if (!stored.getItems().isEmpty()) {
                stored.getSelectionModel().select(0);
                ((javafx.scene.control.Button) scene.lookup("#replay-open")).fire();
            }
        } else if (shot.equals("models-add")) {
            ((javafx.scene.control.Button) scene.lookup("#provider-add")).fire();
        } else if (shot.equals("local-models")) {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) scene.lookup("#models-tabs");
            tabs.getSelectionModel().select(1);
        } else if (shot.equals("models")) {
            ListView<Object> providers = (ListView<Object>) scene.lookup("#provider-list");
            if (!providers.getItems().isEmpty()) {
                providers.getSelectionModel().select(0);
            }
            TableView<Object> models = (TableView<Object>) scene.lookup("#provider-models");
            if (models != null && !models.getItems().isEmpty()) {
                models.getSelectionModel().select(0);
            }
        }
    }

    /** Scrolls the picker so that {@code box}'s row is at the top of its viewport. */
    private static void scrollIntoView(javafx.scene.Node box) {
        javafx.scene.Node row = box.getParent();
        for (javafx.scene.Node n = row; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                scroll.applyCss();
                scroll.layout();
                double content = scroll.getContent().getBoundsInLocal().getHeight();
                double view = scroll.getViewportBounds().getHeight();
                double y = scroll.getContent().sceneToLocal(row.localToScene(0, 0)).getY();
                if (content > view) {
                    scroll.setVvalue(Math.min(1, Math.max(0, (y - 4) / (content - view))));
                }
                return;
            }
        }
    }

    /** The index of the first item that passes {@code test}; 1 (the second row) when none does. */
    private static int indexOfFirst(List<Object> items, java.util.function.Predicate<Object> test) {
        for (int i = 0; i < items.size(); i++) {
            if (test.test(items.get(i))) {
                return i;
            }
        }
        return 1;
    }

    /** Closes dialogs and puts the screens back as a user would find them. */
    private static void cleanUp(Stage stage) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage && w instanceof Stage s) {
                s.close();
            }
        }
        var cancel = (javafx.scene.control.Button) stage.getScene().lookup("#provider-cancel");
        if (cancel != null && cancel.isVisible() && cancel.getScene() != null) {
            cancel.fire();
        }
        for (String id : List.of("#models-tabs", "#compare-results")) {
            var tabs = (javafx.scene.control.TabPane) stage.getScene().lookup(id);
            if (tabs != null) {
                tabs.getSelectionModel().select(0);
            }
        }
        // the Compare shot's system message is not the next shots' (a device command on its own)
        var system = (javafx.scene.control.TextInputControl) stage.getScene().lookup("#system-message");
        if (system != null) {
            system.setText("");
        }
        @SuppressWarnings("unchecked")
        var repeat = (javafx.scene.control.Spinner<Integer>) stage.getScene().lookup("#repeat-spinner");
        if (repeat != null) {
            repeat.getValueFactory().setValue(1);
        }
    }

    private static CheckMenuItem darkToggle(Scene scene) {
        MenuBar bar = (MenuBar) scene.lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-dark-theme".equals(i.getId())).map(i -> (CheckMenuItem) i).findFirst().orElseThrow();
    }

    private static void shoot(Scene scene, Path file) throws Exception {
        var image = fx(() -> scene.snapshot(null));
        PngWriter.write(image, file);
        System.out.println("  " + file.getFileName());
    }

    static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }

    /** Waits (up to 20 s) until {@code done} holds on the FX thread. */
    private static void waitUntil(Supplier<Boolean> done) throws Exception {
        for (int i = 0; i < 200 && !Boolean.TRUE.equals(fx(done)); i++) {
            Thread.sleep(100);
        }
    }

    private static <T> T waitFor(Supplier<T> probe) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                T v = fx(probe);
                if (v != null) {
                    return v;
                }
            } catch (IllegalStateException e) {
                // toolkit not started yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The window did not open within 30 s.");
    }

}
