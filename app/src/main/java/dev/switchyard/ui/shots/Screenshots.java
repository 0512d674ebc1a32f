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
 * (JavaFX {@code Scene.snapshot}). Usage: {@code Screenshots [output-dir]} (default {@code docs/screenshots}).
 */
public final class Screenshots {

    private static final List<String> SCREENS = List.of("welcome", "history", "models", "overview");

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        System.setProperty(AppChrome.PREFS_PROPERTY, "memory");
        Path dir = Files.createTempDirectory("switchyard-shots");
        Path file = dir.resolve("Demo workspace.switchyard");
        try (Workspace ws = Workspace.open(file); AppContext ctx = AppContext.system()) {
            DemoWorkspace.seed(ws, ctx);
        }
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
            stage.setWidth(1360);
            stage.setHeight(860);
            return null;
        });
        Thread.sleep(2500);
        for (String theme : List.of("light", "dark")) {
            fx(() -> {
                darkToggle(stage.getScene()).setSelected(theme.equals("dark"));
                return null;
            });
            for (String screen : SCREENS) {
                fx(() -> {
                    ((ToggleButton) stage.getScene().lookup("#nav-" + screen)).fire();
                    return null;
                });
                Thread.sleep(700);
                fx(() -> {
                    prepare(stage.getScene(), screen);
                    return null;
                });
                Thread.sleep(900);
                shoot(stage.getScene(), out.resolve(screen + "-" + theme + ".png"));
            }
        }
    }

    /** Selects something on screens whose right-hand side is empty until a row is chosen. */
    @SuppressWarnings("unchecked")
    private static void prepare(Scene scene, String screen) {
        if (screen.equals("history")) {
            TableView<Object> t = (TableView<Object>) scene.lookup("#history-table");
            if (!t.getItems().isEmpty()) {
                t.getSelectionModel().clearAndSelect(1);
            }
        } else if (screen.equals("models")) {
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
