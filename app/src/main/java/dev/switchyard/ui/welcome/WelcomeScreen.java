package dev.switchyard.ui.welcome;

import dev.switchyard.app.AppContext;
import dev.switchyard.ui.Screen;
import dev.switchyard.ui.main.MainViewModel;
import dev.switchyard.ui.task.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The welcome shown on a workspace with no runs: three steps to a first side-by-side comparison. */
public final class WelcomeScreen implements Screen {

    private final WelcomeViewModel model;
    private final VBox content = new VBox(16);
    private final VBox view = new VBox(content);
    private Consumer<String> navigate = id -> { };

    /**
     * {@code app}: its engines say whether a provider's key can be had now and whether a local model's files let it run,
     * as Compare's picker does.
     */
    public WelcomeScreen(MainViewModel main, TaskRunner tasks, AppContext app) {
        model = new WelcomeViewModel(tasks, (ws, provider) -> app.engines(ws).keyAvailability(provider),
                (ws, m) -> app.engines(ws).forModel(m).availability());
        model.setOnEmptyWorkspace(() -> navigate.accept(id()));
        build();
        main.workspaceProperty().addListener((obs, old, ws) -> model.setWorkspace(ws));
        main.refreshesProperty().addListener((obs, old, n) -> model.refresh()); // File → Refresh (F5)
        model.setWorkspace(main.workspace());
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                model.refresh();
            }
        });
    }

    /** How the buttons switch screens ({@code MainView::show}), set once the main view exists. */
    public void setNavigator(Consumer<String> navigator) {
        this.navigate = navigator;
    }

    private void build() {
        view.setId("welcome-view");
        view.getStyleClass().addAll("screen", "welcome");
        view.setAlignment(Pos.TOP_CENTER);
        Label title = new Label("Welcome to Switchyard");
        title.getStyleClass().add("welcome-title");
        Label intro = new Label("Compare a model on this machine with cloud models side by side — time to first token, "
                + "tokens per second, tokens and cost for each — then design the policy that routes between them.");
        intro.setWrapText(true);
        intro.getStyleClass().add("welcome-intro");
        Label next = new Label();
        next.setId("welcome-next");
        next.setWrapText(true);
        next.getStyleClass().add("notice");
        next.textProperty().bind(model.nextStepProperty());
        content.getChildren().addAll(title, intro,
                step("1", "Run the embedded intent model", "Built in, offline: see which intent a prompt matches and how fast.",
                        model.hasRunsProperty(), fixed("Open Compare"), "welcome-compare", () -> "compare"),
                step("2", "Add a cloud model", "A provider — OpenAI, Anthropic, OpenRouter, XRoute.AI or any "
                        + "OpenAI-compatible gateway — with its key, then one of its models. Keys stay on this machine: "
                        + "in the OS keyring or an environment variable.",
                        model.hasCloudModelProperty(), model.cloudStepProperty().map(WelcomeViewModel.CloudStep::action),
                        "welcome-models", () -> "models/" + model.cloudSection()),
                step("3", "Add a local generative model", "Download or import an ONNX model to answer offline.",
                        model.hasLocalModelProperty(), fixed("Local models"), "welcome-local", () -> "models/local"),
                next);
        content.setMaxWidth(760);
    }

    private static javafx.beans.value.ObservableValue<String> fixed(String text) {
        return new javafx.beans.property.SimpleStringProperty(text);
    }

    /** A step; {@code action}: its button's text, {@code target}: the screen (and section) the button opens now. */
    private HBox step(String number, String head, String text, ReadOnlyBooleanProperty done,
                      javafx.beans.value.ObservableValue<String> action, String id,
                      java.util.function.Supplier<String> target) {
        Label n = new Label(number);
        n.getStyleClass().add("step-number");
        n.setId(id + "-step"); // "✓" once done
        Label h = new Label(head);
        h.getStyleClass().add("section-title");
        Label t = new Label(text);
        t.setWrapText(true);
        t.getStyleClass().add("muted");
        VBox body = new VBox(4, h, t);
        HBox.setHgrow(body, Priority.ALWAYS);
        Button go = new Button();
        go.textProperty().bind(action);
        go.setId(id);
        go.getStyleClass().add("accent");
        go.setOnAction(e -> navigate.accept(target.get()));
        go.setMinWidth(Region.USE_PREF_SIZE);
        // a step done shows ✓ and its button steps back (it still opens the screen, for another key or model)
        java.util.function.Consumer<Boolean> show = now -> {
            n.setText(now ? "✓" : number);
            n.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("done"), now);
            if (now) {
                go.getStyleClass().remove("accent");
            } else if (!go.getStyleClass().contains("accent")) {
                go.getStyleClass().add("accent");
            }
        };
        show.accept(done.get());
        done.addListener((obs, old, now) -> show.accept(now));
        Region pad = new Region();
        HBox row = new HBox(14, n, body, pad, go);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("card", "welcome-step");
        return row;
    }

    /** A key or model added from a terminal (the CLI) meanwhile ticks its step. */
    @Override
    public void windowFocused() {
        model.refresh();
    }

    @Override
    public String id() {
        return "welcome";
    }

    @Override
    public String title() {
        return "Get started";
    }

    @Override
    public Node view() {
        return view;
    }

    public WelcomeViewModel model() {
        return model;
    }
}
