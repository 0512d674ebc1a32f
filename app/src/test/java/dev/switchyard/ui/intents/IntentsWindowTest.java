package dev.switchyard.ui.intents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Intent;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window: the Intent sets screen edits an intent of a shipped set and tries a prompt against it. */
class IntentsWindowTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("intents-test.switchyard");
        app = AppWindow.open(robot, file);
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
    }

    private String text(String query) {
        return AppWindow.label(robot, query);
    }

    /** The editor's buttons read whole and the examples box shows several lines in the default window and a narrower one. */
    @Test
    void editorButtonsAndExamplesFitTheDefaultAndANarrowWindow() throws Exception {
        AppWindow.click(robot, "#nav-intents");
        AppWindow.waitUntil(10, () -> robot.lookup("#intent-save").tryQuery().isPresent());
        for (double[] size : new double[][] {{1100, 720}, {1000, 700}}) {
            AppWindow.resize(size[0], size[1]);
            assertThat(AppWindow.cutTexts(robot, "#intents-view")).as("at %s", size[0]).isEmpty();
            assertThat(AppWindow.onFx(() -> robot.lookup("#intent-examples").query().getLayoutBounds().getHeight()))
                    .as("at %s", size[0]).isGreaterThanOrEqualTo(90);
            assertThat(AppWindow.withinWindow(robot, "#intent-try")).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void addAnIntentToAShippedSetAndTryAPromptAgainstIt() throws Exception {
        AppWindow.click(robot, "#nav-intents");
        AppWindow.waitUntil(10, () -> !robot.lookup("#intent-list").queryAs(ListView.class).getItems().isEmpty());
        ListView<dev.switchyard.workspace.model.IntentSet> sets = robot.lookup("#intent-sets").queryAs(ListView.class);
        assertThat(sets.getItems()).extracting(s -> s.name()).contains("smart-home", "customer-support");
        AppWindow.click(robot, "smart-home");
        WaitForAsyncUtils.waitForFxEvents();

        AppWindow.click(robot, "#intent-new");
        AppWindow.click(robot, "#intent-name").write("water_plants");
        AppWindow.click(robot, "#intent-reply").write("Watering the plants.");
        AppWindow.click(robot, "#intent-examples").write("water the plants").type(KeyCode.ENTER).write("water the basil");
        AppWindow.click(robot, "#intent-save");
        AppWindow.waitUntil(10, () -> text("#intent-message").startsWith("Saved intent 'water_plants'"));
        ListView<Intent> intents = robot.lookup("#intent-list").queryAs(ListView.class);
        assertThat(intents.getItems()).extracting(Intent::name).contains("water_plants");
        assertThat(intents.getSelectionModel().getSelectedItem().name()).isEqualTo("water_plants");

        AppWindow.click(robot, "#intent-try-prompt").write("please water the basil").type(KeyCode.ENTER);
        AppWindow.waitUntil(30, () -> text("#intent-try-result").startsWith("Reply:"));
        assertThat(text("#intent-try-result")).startsWith("Reply: Watering the plants.");
        ListView<IntentsViewModel.Scored> scores = robot.lookup("#intent-scores").queryAs(ListView.class);
        assertThat(scores.getItems().get(0).toString()).startsWith("water_plants — confidence ");

        // stored in the workspace file: another connection reads it
        try (Workspace ws = Workspace.open(file)) {
            long setId = ws.intentSets().findByName("smart-home").orElseThrow().id();
            assertThat(ws.intentSets().intents(setId)).filteredOn(i -> i.name().equals("water_plants"))
                    .singleElement().satisfies(i -> assertThat(i.examples()).containsExactly("water the plants", "water the basil"));
        }
    }

    private boolean dialogShown() {
        return robot.lookup(".dialog-pane").tryQuery().isPresent();
    }

    private String dialogHeader() {
        return text(".dialog-pane .header-panel .label");
    }

    private void answer(String button) {
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> button.equals(((Button) b).getText()))
                .queryAs(Node.class));
    }

    private String field(String query) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(query).queryAs(TextInputControl.class).getText());
    }

    /** A set name typed and not created: File → Quit names it; Cancel keeps the window and the name. */
    @Test
    void aSetNameTypedAndNotCreatedIsNamedBeforeQuitting() throws Exception {
        AppWindow.click(robot, "#nav-intents");
        AppWindow.waitUntil(10, () -> robot.lookup("#intent-set-name").tryQuery().isPresent());
        AppWindow.click(robot, "#intent-set-name").write("kitchen");
        AppWindow.click(robot, "File");
        AppWindow.click(robot, "Quit");
        AppWindow.waitUntil(10, this::dialogShown);
        assertThat(dialogHeader()).isEqualTo("Leave without saving?");
        assertThat(AppWindow.onFx(() -> robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(java.util.stream.Collectors.joining(" "))))
                .contains("Not saved yet: the new intent set kitchen (not created).");
        answer("Cancel");
        AppWindow.waitUntil(10, () -> !dialogShown());
        assertThat(AppWindow.onFx(() -> robot.lookup("#main-view").query().getScene().getWindow().isShowing())).isTrue();
        assertThat(field("#intent-set-name")).isEqualTo("kitchen");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnsavedEditIsAskedAboutBeforeAnotherIntentAndDeletingAsksFirst() throws Exception {
        AppWindow.click(robot, "#nav-intents");
        assertThat(text("#intents-view .screen-title")).isEqualTo("Intent sets");
        AppWindow.waitUntil(10, () -> !robot.lookup("#intent-list").queryAs(ListView.class).getItems().isEmpty());
        AppWindow.click(robot, "smart-home");
        ListView<Intent> intents = robot.lookup("#intent-list").queryAs(ListView.class);
        AppWindow.waitUntil(10, () -> intents.getItems().stream().anyMatch(i -> i.name().equals("lights_on")));
        AppWindow.click(robot, "lights_on  ·  9 examples");
        AppWindow.waitUntil(10, () -> field("#intent-name").equals("lights_on"));
        AppWindow.click(robot, "#intent-reply").push(KeyCode.SHORTCUT, KeyCode.A).write("Lights on now.");
        AppWindow.waitUntil(10, () -> text("#intent-editing").equals("Editing lights_on · unsaved changes"));

        // Cancel: the edit stays, as typed, and so does the selection
        AppWindow.click(robot, "lights_off  ·  9 examples");
        AppWindow.waitUntil(10, this::dialogShown);
        assertThat(dialogHeader()).isEqualTo("Save changes to lights_on?");
        answer("Cancel");
        AppWindow.waitUntil(10, () -> !dialogShown());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field("#intent-name")).isEqualTo("lights_on");
        assertThat(field("#intent-reply")).isEqualTo("Lights on now.");
        assertThat(AppWindow.onFx(() -> intents.getSelectionModel().getSelectedItem().name())).isEqualTo("lights_on");

        // Save: stored, then the other intent opens
        AppWindow.click(robot, "lights_off  ·  9 examples");
        AppWindow.waitUntil(10, this::dialogShown);
        answer("Save");
        AppWindow.waitUntil(10, () -> field("#intent-name").equals("lights_off"));
        assertThat(text("#intent-message")).startsWith("Saved intent 'lights_on'");

        // Delete asks first, naming the intent and its examples; Cancel keeps it. In the dark theme, readable.
        AppWindow.click(robot, "View");
        AppWindow.click(robot, "Dark theme");
        AppWindow.waitUntil(10, () -> robot.lookup("#main-view").query().getScene().getStylesheets().stream()
                .anyMatch(css -> css.endsWith("theme-dark.css")));
        AppWindow.click(robot, "#intent-delete");
        AppWindow.waitUntil(10, this::dialogShown);
        assertThat(dialogHeader()).isEqualTo("Delete lights_off and its 9 examples?");
        AppWindow.waitUntil(10, () -> robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .filter(l -> !l.getText().isEmpty()).allMatch(l -> Color.web("#e6edf3").equals(l.getTextFill())));
        assertThat(AppWindow.onFx(() -> robot.lookup(".dialog-pane").queryAs(Region.class).getBackground().getFills()
                .get(0).getFill())).isEqualTo(Color.web("#161b22"));
        answer("Cancel");
        AppWindow.waitUntil(10, () -> !dialogShown());
        assertThat(intents.getItems()).extracting(Intent::name).contains("lights_off");
        AppWindow.click(robot, "#intent-delete");
        AppWindow.waitUntil(10, this::dialogShown);
        answer("Delete");
        AppWindow.waitUntil(10, () -> text("#intent-message").equals("Deleted intent 'lights_off'."));
        assertThat(intents.getItems()).extracting(Intent::name).doesNotContain("lights_off");

        // an unsaved edit is asked about before File → Quit closes the window; Cancel keeps window and edit
        AppWindow.click(robot, "lights_on  ·  9 examples");
        AppWindow.waitUntil(10, () -> field("#intent-name").equals("lights_on"));
        AppWindow.click(robot, "#intent-reply").push(KeyCode.SHORTCUT, KeyCode.A).write("Not kept.");
        AppWindow.click(robot, "File");
        AppWindow.click(robot, "Quit");
        AppWindow.waitUntil(10, this::dialogShown);
        assertThat(dialogHeader()).isEqualTo("Leave without saving?");
        assertThat(AppWindow.onFx(() -> robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(java.util.stream.Collectors.joining(" ")))).contains("Not saved yet: the intent lights_on");
        answer("Cancel");
        AppWindow.waitUntil(10, () -> !dialogShown());
        assertThat(AppWindow.onFx(() -> robot.lookup("#main-view").query().getScene().getWindow().isShowing())).isTrue();
        assertThat(field("#intent-reply")).isEqualTo("Not kept.");

        try (Workspace ws = Workspace.open(file)) {
            long setId = ws.intentSets().findByName("smart-home").orElseThrow().id();
            assertThat(ws.intentSets().intents(setId)).extracting(Intent::name).doesNotContain("lights_off");
            assertThat(ws.intentSets().intents(setId)).filteredOn(i -> i.name().equals("lights_on")).singleElement()
                    .satisfies(i -> assertThat(i.responseTemplate()).isEqualTo("Lights on now."));
        }
    }
}
