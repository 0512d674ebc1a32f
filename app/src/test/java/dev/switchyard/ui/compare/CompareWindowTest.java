package dev.switchyard.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.routing.PolicyStore;
import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.ui.AppWindow;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.PriceRow;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real window on a workspace whose cloud models are served by a loopback mock server: type, run, watch the
 * panes stream with their metrics, stop a slow model, repeat, read the statistics and charts, vote blind.
 */
class CompareWindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger calls = new AtomicInteger();
    private javafx.application.Application app;

    private final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                bodies.add(body);
                String model = JSON.valueToTree(parse(body)).path("model").asText();
                int n = calls.incrementAndGet();
                if (model.equals("slow-model")) {
                    List<String> pieces = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        pieces.add("slow word " + i + " ");
                    }
                    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                            .body(stream(model, pieces)).throttleBody(200, 100, TimeUnit.MILLISECONDS).build();
                }
                // quick-model answers 150 ms later, so the statistics have one fastest model (a tie marks none)
                return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                        .headersDelay(model.equals("quick-model") ? 150 : 0, TimeUnit.MILLISECONDS)
                        .body(stream(model, List.of("## Hello", "\n\nthis is **answer " + n + "**"))).build();
            }
        });
        server.start();
        Path file = dir.resolve("compare-test.switchyard");
        try (Workspace ws = Workspace.open(file)) {
            Provider p = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Mock gateway",
                    server.url("/v1").toString(), null, null));
            model(ws, p, "fast-model", 0.10);
            model(ws, p, "quick-model", 2.00);
            model(ws, p, "slow-model", 1.00);
            new PolicyStore(ws).save("cascade", PolicyTemplates.load("cascade"), "from the template");
        }
        app = AppWindow.open(robot, file);
        // a workspace with no runs opens on the welcome screen; go to Compare as a user would
        waitFor(() -> robot.lookup("#welcome-view").tryQuery().map(n -> n.getScene() != null).orElse(false));
        AppWindow.click(robot, "#nav-compare");
        waitFor(() -> robot.lookup("#pick-fast-model").tryQuery().isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        AppWindow.close(app);
        server.close();
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void model(Workspace ws, Provider p, String name, double price) {
        Model m = ws.models().insert(Model.of(p.id(), name, name, ModelKind.CLOUD, null, null, "{}"));
        ws.prices().insert(PriceRow.of(m.id(), BigDecimal.valueOf(price), null, BigDecimal.valueOf(price * 4), "test",
                LocalDate.of(2024, 1, 1)));
    }

    static String stream(String model, List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            sb.append("data: {\"id\":\"c\",\"model\":\"").append(model).append("\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append(json(p)).append("},\"finish_reason\":null}]}\n\n");
        }
        sb.append("data: {\"id\":\"c\",\"model\":\"").append(model)
                .append("\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sb.append("data: {\"id\":\"c\",\"model\":\"").append(model).append("\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,")
                .append("\"completion_tokens\":").append(pieces.size()).append(",\"total_tokens\":").append(9 + pieces.size())
                .append("}}\n\n");
        return sb.append("data: [DONE]\n\n").toString();
    }

    private static String json(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String focusedId() {
        try {
            return AppWindow.onFx(() -> {
                Node n = robot.lookup("#compare-screen").query().getScene().getFocusOwner();
                return n == null || n.getId() == null ? "" : n.getId();
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pulseRunning(CompareView screen) {
        return onFx(screen::pulseRunning);
    }

    private static boolean onFx(java.util.concurrent.Callable<Boolean> query) {
        try {
            return AppWindow.onFx(query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        try {
            AppWindow.waitUntil(60, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out; the window shows: " + robot.lookup("#compare-screen").tryQuery()
                    .map(CompareWindowTest::visibleText).orElse("(no compare screen)") + " | server calls " + calls.get(), e);
        }
    }

    private String text(String selector) {
        return visibleText(robot.lookup(selector).query());
    }

    /**
     * The run parameters at 1000 px: every caption and field reads whole in one row (captions shortened, "Temp.",
     * "Stop", rather than cut to "Temper…"; fields never narrower than their "default" / "none"), the Stop field inside
     * the editor; at 1600 px the captions read in full.
     */
    @Test
    void parameterCaptionsAndFieldsReadWholeInANarrowAndAWideWindow() throws Exception {
        AppWindow.resize(1000, 720);
        assertThat(AppWindow.cutTexts(robot, ".params")).isEmpty();
        assertThat(captions()).containsExactly("Temp.", "Max tokens", "Top-p", "Seed", "Stop");
        assertThat(placeholdersCut()).isEmpty();
        assertThat(AppWindow.onFx(() -> {
            Node stop = robot.lookup("#param-stop").query();
            Node editor = robot.lookup(".prompt-editor").query();
            return stop.localToScene(stop.getLayoutBounds()).getMaxX() <= editor.localToScene(editor.getLayoutBounds()).getMaxX()
                    && stop.getLayoutBounds().getWidth() >= 60;
        })).as("the Stop field inside the editor, room for a sequence or two").isTrue();

        AppWindow.resize(1600, 1000);
        assertThat(AppWindow.cutTexts(robot, ".params")).isEmpty();
        assertThat(captions()).containsExactly("Temperature", "Max tokens", "Top-p", "Seed", "Stop (comma-separated)");
        assertThat(placeholdersCut()).isEmpty();
    }

    /**
     * At 1000 x 720 the picker's "2 of 6 picked" reads whole and the user message has room for a few lines (it was cut
     * to "2 of 6 pi…" and the text area squeezed to about 50 px); at 1600 x 1000 the answers keep their room.
     */
    @Test
    void aSmallWindowShowsThePickedCountWholeAndRoomToTypeTheUserMessage() throws Exception {
        pick("fast-model", true);
        pick("quick-model", true);
        AppWindow.resize(1000, 720);
        assertThat(AppWindow.cutTexts(robot, "#picked-count")).isEmpty();
        assertThat(AppWindow.label(robot, "#picked-count")).startsWith("2 of 6");
        assertThat(AppWindow.cutTexts(robot, "#model-picker .side-title")).isEmpty();
        assertThat(AppWindow.onFx(() -> robot.lookup("#user-message").query().getLayoutBounds().getHeight()))
                .as("four lines of the user message").isGreaterThanOrEqualTo(80);
        assertThat(AppWindow.onFx(() -> robot.lookup("#compare-results").query().getLayoutBounds().getHeight()))
                .as("the answers still have room").isGreaterThan(250);

        AppWindow.resize(1600, 1000); // the divider the small window pushed down goes back to where it was
        assertThat(AppWindow.label(robot, "#picked-count")).isEqualTo("2 of 6 picked");
        assertThat(AppWindow.cutTexts(robot, "#picked-count")).isEmpty();
        assertThat(AppWindow.onFx(() -> robot.lookup("#compare-results").query().getLayoutBounds().getHeight()))
                .as("the answers' share at 1600 x 1000").isGreaterThanOrEqualTo(500);
        assertThat(AppWindow.onFx(() -> robot.lookup("#user-message").query().getLayoutBounds().getHeight()))
                .isGreaterThanOrEqualTo(150);
    }

    /**
     * Tab from the user message goes into the first variable's value field, so a value typed after it is the value the
     * run sends (the table itself took the focus, the typing was lost and Ctrl+Enter said the variable had no value).
     */
    @Test
    void tabFromTheMessageGoesIntoTheVariablesValueAndTheRunSendsIt() throws Exception {
        pick("fast-model", true);
        AppWindow.click(robot, "#user-message").write("Where is my order {{order}}?");
        waitFor(() -> robot.lookup("#variable-order").tryQuery().isPresent());
        robot.type(KeyCode.TAB);
        AppWindow.waitUntil(5, () -> focusedId().equals("variable-order"));
        robot.write("A-1234");
        assertThat(AppWindow.onFx(() -> robot.lookup("#variable-order").queryAs(javafx.scene.control.TextField.class)
                .getText())).isEqualTo("A-1234");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> runEnabled() && text("#compare-message").startsWith("Finished"));
        assertThat(bodies).anyMatch(b -> b.contains("Where is my order A-1234?"));
    }

    /**
     * In the default 1100 px window the toolbar's message reads whole: "Give a value to {{order}} …" was cut to "Give a
     * value to {{order}} in the v…" beside the hint. The hint gives way to it, and a longer one goes on a second line.
     */
    @Test
    void theToolbarMessageReadsWholeInTheDefaultWindow() throws Exception {
        AppWindow.resize(1100, 720);
        pick("fast-model", true);
        AppWindow.click(robot, "#user-message").write("Where is my order {{order}}?");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> text("#compare-message").startsWith("Give a value to {{order}}"));
        Label message = robot.lookup("#compare-message").queryAs(Label.class);
        AppWindow.waitUntil(5, () -> ((Text) message.lookup(".text")).getText().equals(message.getText()));
        assertThat(AppWindow.cutTexts(robot, ".compare-toolbar")).isEmpty();
        assertThat(AppWindow.withinWindow(robot, "#compare-message")).isTrue();
    }

    /** The parameter captions as shown, left to right. */
    private List<String> captions() throws Exception {
        return AppWindow.onFx(() -> robot.lookup(".params").query().lookupAll(".field-label").stream()
                .sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getX()))
                .map(n -> ((Labeled) n).getText()).toList());
    }

    /** The parameter fields too narrow for their placeholder ("default", "none"). */
    private List<String> placeholdersCut() throws Exception {
        return AppWindow.onFx(() -> robot.lookup(".params").query().lookupAll(".text-field").stream()
                .map(n -> (javafx.scene.control.TextField) n)
                .filter(f -> {
                    Text t = new Text(f.getPromptText());
                    t.setFont(f.getFont());
                    return f.getWidth() < t.getLayoutBounds().getWidth() + f.snappedLeftInset() + f.snappedRightInset();
                }).map(f -> f.getId() + " " + f.getWidth()).toList());
    }

    /**
     * Keyboard focus shows on the toolbar and the results tabs (the app's sheets had removed Modena's focus ring), and
     * Blind switched on is a tinted fill, not an outline that reads as focus.
     */
    @Test
    void tabbingThroughTheToolbarRingsEachControlAndBlindOnIsAFill() throws Exception {
        javafx.scene.layout.Region run = robot.lookup("#run-button").queryAs(javafx.scene.layout.Region.class);
        javafx.scene.layout.Region spinner = robot.lookup("#repeat-spinner").queryAs(javafx.scene.layout.Region.class);
        javafx.scene.control.ToggleButton blind = robot.lookup("#blind-toggle").queryAs(javafx.scene.control.ToggleButton.class);
        javafx.scene.control.TabPane tabs = AppWindow.onFx(() -> robot.lookup(".tab-pane")
                .queryAllAs(javafx.scene.control.TabPane.class).stream()
                .filter(p -> p.getTabs().stream().anyMatch(t -> "tab-answers".equals(t.getId()))).findFirst().orElseThrow());
        assertThat(AppWindow.onFx(() -> ringed(run) || ringed(spinner) || ringed(blind))).isFalse();

        robot.interact(run::requestFocus);
        waitFor(() -> ringed(run));
        robot.type(KeyCode.TAB); // Stop all is disabled: the Repeat spinner is next
        waitFor(() -> ringed(spinner) && !ringed(run));
        robot.type(KeyCode.TAB);
        waitFor(() -> ringed(blind) && !ringed(spinner));
        robot.type(KeyCode.SPACE); // Blind on
        waitFor(blind::isSelected);
        robot.type(KeyCode.TAB); // to the results tabs: their selected header is ringed
        waitFor(() -> !ringed(blind) && tabs.isFocused()
                && tabs.lookupAll(".focus-indicator").stream().anyMatch(n -> ringed((javafx.scene.layout.Region) n)));

        // on and not focused: no outline at all, a fill that differs from Blind off
        javafx.scene.paint.Paint on = AppWindow.onFx(() -> lastFill(blind));
        assertThat(AppWindow.onFx(() -> blind.getBackground().getFills().size())).isEqualTo(1);
        robot.interact(() -> blind.setSelected(false));
        waitFor(() -> !on.equals(lastFill(blind)));
    }

    /** Whether {@code r} draws a focus ring: a border stroke in a visible colour. */
    private static boolean ringed(javafx.scene.layout.Region r) {
        return r.getBorder() != null && r.getBorder().getStrokes().stream().anyMatch(s ->
                s.getTopStroke() instanceof javafx.scene.paint.Color c && c.getOpacity() > 0 && s.getWidths().getTop() >= 2);
    }

    private static javafx.scene.paint.Paint lastFill(javafx.scene.layout.Region r) {
        var fills = r.getBackground().getFills();
        return fills.get(fills.size() - 1).getFill();
    }

    /** Everything a user can read inside a node: labels, buttons and text runs, in scene order. */
    private static String visibleText(Node node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString();
    }

    private static void collect(Node node, StringBuilder sb) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l) {
            sb.append(l.getText() == null ? "" : l.getText()).append(' ');
            return;
        } else if (node instanceof Text t) {
            sb.append(t.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, sb));
        }
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), sb);
        }
    }

    private void pick(String model, boolean on) throws Exception {
        waitFor(() -> robot.lookup("#pick-" + model).tryQuery().isPresent());
        CheckBox box = robot.lookup("#pick-" + model).queryAs(CheckBox.class);
        scrollIntoView(box);
        if (box.isSelected() != on) {
            robot.clickOn(box);
        }
        assertThat(box.isSelected()).isEqualTo(on);
    }

    /** Scrolls the picker so that {@code node} is inside its viewport (a click outside it would miss). */
    private void scrollIntoView(Node node) {
        robot.interact(() -> {
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane s) {
                    Node content = s.getContent();
                    double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    double room = content.getBoundsInLocal().getHeight() - s.getViewportBounds().getHeight();
                    s.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, y / room)));
                    return;
                }
            }
        });
    }

    private void typePromptAndRun(String prompt) {
        AppWindow.click(robot, "#user-message").write(prompt);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    }

    private double copyX(String pane) throws Exception {
        return AppWindow.onFx(() -> robot.lookup(pane + " .button").match(b -> "Copy".equals(((Button) b).getText()))
                .queryButton().localToScene(0, 0).getX());
    }

    private boolean runEnabled() {
        return !robot.lookup("#run-button").queryAs(Button.class).isDisabled();
    }

    @Test
    void twoModelsStreamSideBySideAndASlowOneCanBeStopped() throws Exception {
        waitFor(() -> robot.lookup("#picked-count").queryAs(Label.class).getText().startsWith("2 of 6"));
        pick("quick-model", false);
        pick("slow-model", true);
        assertThat(robot.lookup("#picked-count").queryAs(Label.class).getText()).startsWith("2 of 6"); // "2 of 6" where the picker is narrow

        // Tab moves on from the message fields, as from every other control (it used to type a tab and stay)
        AppWindow.click(robot, "#system-message");
        robot.type(KeyCode.TAB);
        waitFor(() -> focusedId().equals("user-message"));
        robot.type(KeyCode.TAB);
        waitFor(() -> !focusedId().equals("user-message"));
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        waitFor(() -> focusedId().equals("user-message"));
        assertThat(robot.lookup("#system-message").queryAs(javafx.scene.control.TextArea.class).getText()
                + robot.lookup("#user-message").queryAs(javafx.scene.control.TextArea.class).getText()).doesNotContain("\t");

        typePromptAndRun("Say hello");

        waitFor(() -> text("#pane-0").contains("Done"));
        String fast = text("#pane-0");
        assertThat(fast).contains("fast-model").contains("Mock gateway · Cloud").contains("Hello").contains("this is answer")
                .contains("TTFT").contains(" ms").contains("tok/s").contains("$0.0000");
        assertThat(robot.lookup("#pane-0 .metric-in").queryAs(Label.class).getText()).isEqualTo("9");
        assertThat(robot.lookup("#pane-0 .metric-out").queryAs(Label.class).getText()).isEqualTo("2");

        waitFor(() -> text("#pane-1").contains("slow word 3"));
        assertThat(text("#pane-1")).contains("slow-model").contains("Streaming");
        double copyX = copyX("#pane-1");
        robot.clickOn(robot.lookup("#pane-1 .stop-button").queryButton());

        waitFor(() -> text("#pane-1").contains("Stopped"));
        assertThat(copyX("#pane-1")).as("Copy keeps its place when Stop goes (a late click on Stop copied)").isEqualTo(copyX);
        String slow = text("#pane-1");
        assertThat(slow).contains("slow word 3").contains("You stopped this run")
                .as("a stop is no error: the engine's sentence is not shown in red").doesNotContain("The run was stopped.");
        waitFor(this::runEnabled);
        assertThat(robot.lookup("#compare-message").queryAs(Label.class).getText()).startsWith("Finished 2 runs")
                .contains("1 without a full answer");

        // the prompt library: save the prompt twice, then load the first version back from its version list
        AppWindow.click(robot, "#prompt-name").write("Greeting");
        AppWindow.click(robot, "#save-prompt");
        waitFor(() -> robot.lookup("#compare-message").queryAs(Label.class).getText().equals("Saved Greeting as v1."));
        AppWindow.click(robot, "#user-message").write(" politely");
        AppWindow.click(robot, "#save-prompt");
        waitFor(() -> robot.lookup("#compare-message").queryAs(Label.class).getText().equals("Saved Greeting as v2."));
        waitFor(() -> robot.lookup("#prompt-versions .version-label").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getText() != null).count() == 2);
        assertThat(text("#prompt-versions-box")).startsWith("Versions of Greeting");
        assertThat(robot.lookup("#prompt-versions .version-label").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(t -> t.startsWith("v2 · ")).anyMatch(t -> t.startsWith("v1 · "));
        assertThat(robot.lookup("#prompt-versions .version-note").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("latest");
        assertThat(text("#prompt-version")).isEqualTo("v2 ");
        Label v1 = robot.lookup("#prompt-versions .version-label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().startsWith("v1 · ")).findFirst().orElseThrow();
        robot.clickOn(v1);
        waitFor(() -> robot.lookup("#user-message").queryAs(javafx.scene.control.TextArea.class).getText().equals("Say hello"));
        assertThat(text("#prompt-version")).isEqualTo("v1 ");
        assertThat(robot.lookup("#compare-message").queryAs(Label.class).getText()).isEqualTo("Loaded Greeting v1 (the latest is v2).");

        // a variable's value counts as typed, without Enter: the focus moves on and the run has it
        AppWindow.click(robot, "#user-message").write(" in {{city}}");
        // key by key: the old cell bound itself again at every letter and the value came out backwards ("nobsil")
        AppWindow.click(robot, "#variable-city").type(KeyCode.L, KeyCode.I, KeyCode.S, KeyCode.B, KeyCode.O, KeyCode.N);
        AppWindow.click(robot, "#user-message");
        bodies.clear();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> bodies.size() == 2);
        assertThat(bodies).allMatch(b -> b.contains("Say hello in lisbon"));
    }

    /**
     * Run disables itself as the run starts: the focus goes to Stop all (Space stops, Esc too), not to the control after
     * Run — the Repeat spinner, where a typed digit changed the count of the next run — and comes back to Run when the
     * run ends, so Space runs again.
     */
    @Test
    void runningPutsTheFocusOnStopAllAndTheEndBackOnRunNeverOnRepeat() throws Exception {
        pick("quick-model", false);
        pick("slow-model", true);
        AppWindow.click(robot, "#user-message").write("Say hello");
        AppWindow.click(robot, "#run-button");
        waitFor(() -> text("#compare-screen").contains("slow word 2"));
        assertThat(focusedId()).isEqualTo("stop-all-button");
        robot.type(KeyCode.DIGIT7);
        assertThat(robot.lookup("#repeat-spinner").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(1);
        robot.type(KeyCode.SPACE);
        waitFor(this::runEnabled);
        assertThat(text("#compare-screen")).contains("Stopped");
        waitFor(() -> focusedId().equals("run-button"));

        robot.type(KeyCode.SPACE); // runs again, from the keyboard
        waitFor(() -> !runEnabled());
        waitFor(() -> focusedId().equals("stop-all-button"));
        robot.type(KeyCode.ESCAPE);
        waitFor(this::runEnabled);
        waitFor(() -> focusedId().equals("run-button"));
        assertThat(robot.lookup("#repeat-spinner").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(1);
    }

    @Test
    void autoPolicyRunsLiveBesideAModelAndShowsTheCascadeItTook() throws Exception {
        waitFor(() -> robot.lookup("#pick-auto-cascade").tryQuery().isPresent());
        assertThat(text("#model-picker")).contains("Auto: cascade").contains("Routing policy v1");
        pick("quick-model", false);
        pick("auto-cascade", true);

        typePromptAndRun("Explain the causes of the French revolution and their relative importance");

        waitFor(() -> runEnabled() && text("#pane-1").contains("Done · 2 steps") && text("#pane-1").contains(" total"));
        String auto = text("#pane-1");
        assertThat(auto).contains("Auto: cascade").contains("Auto · routed to Mock gateway/fast-model")
                .contains("No rule matched; default: cascade → $local-intent, $cloud-cheap.")
                .contains("1. cascade-local → ").contains("escalated: confidence ")
                .contains("2. cascade-escalate → Mock gateway/fast-model · answer")
                .contains("for 2 runs").contains("this is answer").contains(" total");
        assertThat(text("#pane-0")).contains("fast-model").contains("Done");
        assertThat(calls.get()).isEqualTo(2);

        // a device command stays on the device: the local answer is accepted, the cloud is not asked
        AppWindow.click(robot, "#user-message").eraseText(80);
        typePromptAndRun("turn on the kitchen lights");
        waitFor(() -> runEnabled() && text("#pane-1").contains("accepted: confidence"));
        assertThat(text("#pane-1")).contains("Auto · routed to ").doesNotContain("2 steps");
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void theIdleScreenRehearsesAStreamedAnswerInAHiddenPaneThenClearsIt() throws Exception {
        CompareView screen = robot.lookup("#compare-screen").queryAs(CompareView.class);
        waitFor(() -> onFx(screen::rehearsed));
        waitFor(() -> !pulseRunning(screen)); // then the idle screen asks for no more frames
        assertThat(robot.lookup("#answers-empty").queryAs(Label.class).isVisible()).isTrue(); // nothing of it shows

        typePromptAndRun("After the rehearsal");
        waitFor(() -> runEnabled() && text("#compare-message").startsWith("Finished 2 runs"));
        assertThat(text("#pane-0 .md-view")).contains("this is answer").doesNotContain("Sample").doesNotContain("quote");
    }

    @Test
    void repeatShowsStatisticsChartsAndBlindVotesShowWinRates() throws Exception {
        waitFor(() -> robot.lookup("#picked-count").queryAs(Label.class).getText().startsWith("2 of 6"));
        assertThat(robot.lookup("#pick-fast-model").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#pick-quick-model").queryAs(CheckBox.class).isSelected()).isTrue();
        AppWindow.click(robot, "#repeat-spinner .increment-arrow-button");
        AppWindow.click(robot, "#repeat-spinner .increment-arrow-button");
        typePromptAndRun("Compare us");
        waitFor(() -> runEnabled() && text("#compare-message").startsWith("Finished 6 runs"));
        assertThat(calls.get()).isEqualTo(6);

        // each pane shows its last run; "‹" brings back the previous run's answer — also once the idle screen has
        // stopped its pulse timer (an idle window asks for no frames)
        waitFor(() -> text("#pane-0").contains("· 3/3"));
        CompareView screen = robot.lookup("#compare-screen").queryAs(CompareView.class);
        waitFor(() -> !pulseRunning(screen));
        String last = text("#pane-0 .md-view");
        AppWindow.click(robot, "#pane-0-previous-run");
        waitFor(() -> text("#pane-0").contains("· 2/3"));
        waitFor(() -> text("#pane-0 .md-view").matches("(?s).*this is answer \\d+.*") && !text("#pane-0 .md-view").equals(last));
        AppWindow.click(robot, "#pane-0-next-run");
        waitFor(() -> text("#pane-0").contains("· 3/3"));
        assertThat(robot.lookup("#pane-0-next-run").queryButton().isDisabled()).isTrue();

        AppWindow.click(robot, "Statistics");
        String stats = text("#stats-cards");
        assertThat(stats).contains("fast-model").contains("quick-model").contains("p50").contains("p95").contains("TTFT")
                .contains("Tokens/s").contains("Cost / run").contains("Cost per 1,000 such prompts: $").contains("Cheapest")
                .contains("3 of 3 runs completed");
        assertThat(text("#stats-0") + text("#stats-1")).contains("Fastest");
        assertThat(text(text("#stats-0").contains("fast-model") ? "#stats-0" : "#stats-1")).contains("Fastest");
        String firstCard = text("#stats-0");

        AppWindow.click(robot, "Charts");
        XYChart<?, ?> ttft = robot.lookup("#chart-ttft").queryAs(XYChart.class);
        assertThat(ttft.getData().get(0).getData()).hasSize(6);
        assertThat(ttft.getData().get(1).getData()).hasSize(2);
        List<String> rows = ((javafx.scene.chart.CategoryAxis) ttft.getYAxis()).getCategories();
        assertThat(rows).containsExactlyInAnyOrder("quick-model", "fast-model");
        assertThat(firstCard).as("models are rows, the first statistics card's on top (a category axis lists bottom-up)")
                .contains(rows.get(1)).doesNotContain(rows.get(0));
        XYChart<?, ?> cost = robot.lookup("#chart-cost").queryAs(XYChart.class);
        XYChart<?, ?> speed = robot.lookup("#chart-speed").queryAs(XYChart.class);
        assertThat(cost.getData().get(0).getData()).hasSize(2);
        assertThat(speed.getData().get(0).getData()).hasSize(2);
        assertThat(robot.lookup(".chart-empty-note").<Node>queryAll()).as("every chart has figures: no 'no figure' note")
                .hasSize(4).noneMatch(Node::isVisible);

        AppWindow.click(robot, "Answers");
        AppWindow.click(robot, "#repeat-spinner .decrement-arrow-button");
        AppWindow.click(robot, "#repeat-spinner .decrement-arrow-button");
        AppWindow.click(robot, "#blind-toggle");
        AppWindow.click(robot, "#run-button");
        waitFor(() -> calls.get() == 8);
        waitFor(() -> robot.lookup("#vote-bar").query().isVisible());
        assertThat(text("#pane-0")).contains("Model A").doesNotContain("fast-model").doesNotContain("quick-model")
                .as("a cost or a speed would name the model").contains("Figures are hidden until you vote")
                .doesNotContain("TTFT").doesNotContain("$").doesNotContain("served by");
        assertThat(text("#pane-1")).contains("Model B").doesNotContain("TTFT");
        // nor do Statistics and Charts show them before the vote
        AppWindow.click(robot, "Statistics");
        waitFor(() -> text("#stats-cards").contains("Figures are hidden until you vote"));
        assertThat(text("#stats-cards")).doesNotContain("Fastest").doesNotContain("TTFT").doesNotContain("$");
        AppWindow.click(robot, "Charts");
        waitFor(() -> robot.lookup(".chart-empty-note").<Node>queryAll().stream().allMatch(Node::isVisible));
        assertThat(AppWindow.onFx(() -> robot.lookup(".chart-empty-note").<javafx.scene.control.Label>queryAll().stream()
                .map(javafx.scene.control.Label::getText).toList())).hasSize(4)
                .allMatch(t -> t.startsWith("Hidden until you vote"), "says why the charts are empty");
        assertThat(robot.lookup("#chart-ttft").queryAs(XYChart.class).getData()).allMatch(series -> ((XYChart.Series<?, ?>) series).getData().isEmpty());
        AppWindow.click(robot, "Answers");
        AppWindow.click(robot, "#vote-model-a");

        waitFor(() -> text("#pane-0").contains("Model A · "));
        assertThat(text("#pane-0")).contains("TTFT").contains("$").doesNotContain("Figures are hidden");
        String winner = text("#pane-0").contains("fast-model") ? "fast-model" : "quick-model";
        AppWindow.click(robot, "Statistics");
        waitFor(() -> text("#win-rates").contains("100%"));
        String rates = text("#win-rates");
        assertThat(rates).contains("Win rate").contains(winner + " 1 1 0 100%");
    }

    /**
     * A model without a price reads "no price" on its row of the cost chart: its row was empty, as a model's whose runs
     * cost $0, and the chart read as if it were the cheapest.
     */
    @Test
    void theCostChartSaysNoPriceForAModelWithoutOneInsteadOfAnEmptyRow() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("compare-test.switchyard"))) { // added from a terminal, no price
            Provider p = ws.providers().list().stream().filter(x -> x.name().equals("Mock gateway")).findFirst().orElseThrow();
            ws.models().insert(Model.of(p.id(), "unpriced-model", "unpriced-model", ModelKind.CLOUD, null, null, "{}"));
        }
        robot.press(KeyCode.F5).release(KeyCode.F5);
        pick("unpriced-model", true);
        pick("quick-model", false);
        pick("fast-model", true);
        typePromptAndRun("Compare us");
        waitFor(() -> runEnabled() && text("#compare-message").startsWith("Finished 2 runs"));

        AppWindow.click(robot, "Charts");
        XYChart<?, ?> cost = robot.lookup("#chart-cost").queryAs(XYChart.class);
        waitFor(() -> text("#chart-cost").contains("no price"));
        AppWindow.shot(System.getProperty("compare.shots"), "cost-chart-no-price");
        Node words = AppWindow.onFx(() -> cost.lookupAll(".chart-bar-note").stream().filter(Node::isVisible)
                .findFirst().orElseThrow());
        AppWindow.onFx(() -> {
            var plot = cost.lookup(".chart-plot-background");
            var at = words.localToScene(words.getLayoutBounds());
            assertThat(plot.localToScene(plot.getLayoutBounds()).contains(at)).as("inside the plot").isTrue();
            var axis = ((javafx.scene.chart.CategoryAxis) cost.getYAxis());
            double row = axis.localToScene(0, axis.getDisplayPosition("unpriced-model")).getY();
            assertThat(row).as("on the unpriced model's row").isBetween(at.getMinY(), at.getMaxY());
            return null;
        });
        assertThat(AppWindow.onFx(() -> visibleText(cost.getParent()))).doesNotContain("Every run cost $0")
                .doesNotContain("No model in this comparison has this figure");
    }

    /**
     * Every run cost $0 (models priced at $0): the cost chart's note saying so stands in the plot area, clear of the
     * models' names on its left; centred over the whole chart it was drawn over the middle row's name.
     */
    @Test
    void theNoteThatEveryRunCostNothingCoversNoModelName() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("compare-test.switchyard"))) {
            Provider p = ws.providers().list().stream().filter(x -> x.name().equals("Mock gateway")).findFirst().orElseThrow();
            model(ws, p, "free-model-with-a-long-name", 0.0);
            model(ws, p, "gratis-model-long-name-x", 0.0);
            model(ws, p, "zero-cost-model-long-name", 0.0);
        }
        robot.press(KeyCode.F5).release(KeyCode.F5);
        pick("free-model-with-a-long-name", true);
        pick("gratis-model-long-name-x", true);
        pick("zero-cost-model-long-name", true);
        pick("quick-model", false);
        pick("fast-model", false);
        typePromptAndRun("Compare us");
        waitFor(() -> runEnabled() && text("#compare-message").startsWith("Finished 3 runs"));

        AppWindow.click(robot, "Charts");
        XYChart<?, ?> cost = robot.lookup("#chart-cost").queryAs(XYChart.class);
        waitFor(() -> visibleText(cost.getParent()).contains("Every run cost $0"));
        assertThat(visibleText(cost.getParent())).as("cloud models priced at $0, not this device's")
                .contains("Every run cost $0 at the prices in force").doesNotContain("on this device");
        AppWindow.shot(System.getProperty("compare.shots"), "cost-chart-all-free");
        AppWindow.onFx(() -> {
            Node note = cost.getParent().lookup(".chart-empty-note");
            var at = note.localToScene(note.getLayoutBounds());
            List<String> names = cost.getYAxis().lookupAll("Text").stream().filter(Node::isVisible)
                    .map(t -> (Text) t).filter(t -> !t.getText().isEmpty()).map(Text::getText).toList();
            assertThat(names).hasSize(3);
            assertThat(cost.getYAxis().lookupAll("Text").stream().filter(Node::isVisible)
                    .filter(t -> t.localToScene(t.getLayoutBounds()).intersects(at)).map(t -> ((Text) t).getText()).toList())
                    .as("model names under the note").isEmpty();
            var plot = cost.lookup(".chart-plot-background");
            var area = plot.localToScene(plot.getLayoutBounds());
            assertThat(at.getMinX()).as("right of the names, in the plot area").isGreaterThanOrEqualTo(area.getMinX());
            assertThat(at.getMaxX()).isLessThanOrEqualTo(area.getMaxX());
            return null;
        });
    }

    /**
     * In a 1100 x 720 window the plot areas are narrow and short: a long note ("Every run cost $0: runs on this device
     * are free unless …", "No model in this comparison has this figure.") wrapped to several lines and ran below its
     * plot area over the value axis. Each note stays inside its plot area, its whole sentence in the chart's tooltip.
     */
    @Test
    void everyChartNoteStaysInsideItsPlotAreaInA1100By720Window() throws Exception {
        AppWindow.resize(1100, 720);
        CheckBox intent = robot.lookup((Node n) -> n instanceof CheckBox && n.getId() != null
                && n.getId().startsWith("pick-intent-")).queryAs(CheckBox.class);
        scrollIntoView(intent);
        if (!intent.isSelected()) {
            robot.clickOn(intent);
        }
        pick("quick-model", false);
        pick("fast-model", false);
        typePromptAndRun("Turn on the kitchen lights");
        waitFor(() -> runEnabled() && text("#compare-message").startsWith("Finished"));

        AppWindow.click(robot, "Charts");
        XYChart<?, ?> cost = robot.lookup("#chart-cost").queryAs(XYChart.class);
        XYChart<?, ?> speed = robot.lookup("#chart-speed").queryAs(XYChart.class);
        waitFor(() -> visibleText(cost.getParent()).contains("Every run cost $0")
                && visibleText(speed.getParent()).contains("No model"));
        AppWindow.shot(System.getProperty("compare.shots"), "chart-notes-1100x720");
        for (XYChart<?, ?> chart : List.of(cost, speed)) {
            AppWindow.onFx(() -> {
                Label note = (Label) chart.getParent().lookup(".chart-empty-note");
                var at = note.localToScene(note.getLayoutBounds());
                var plot = chart.lookup(".chart-plot-background");
                var area = plot.localToScene(plot.getLayoutBounds());
                assertThat(at.getMinX()).as(chart.getId() + ": " + note.getText() + " " + at + " in " + area)
                        .isGreaterThanOrEqualTo(area.getMinX());
                assertThat(at.getMaxX()).as(chart.getId() + ": right edge").isLessThanOrEqualTo(area.getMaxX());
                assertThat(at.getMinY()).as(chart.getId() + ": top").isGreaterThanOrEqualTo(area.getMinY());
                assertThat(at.getMaxY()).as(chart.getId() + ": " + note.getText() + " " + at + " above the value axis, in "
                        + area).isLessThanOrEqualTo(area.getMaxY());
                return null;
            });
        }
        assertThat(AppWindow.onFx(() -> visibleText(cost.getParent()))).as("the cost note in fewer words")
                .contains("Every run cost $0: runs on this device are free.");
        // what a shortened note leaves out is in its chart's tooltip
        assertThat(AppWindow.onFx(() -> ChartsView.noteTooltip(cost))).contains("Every run cost $0: runs on this device "
                + "are free unless Models → Local models sets a device cost per hour.");
    }

    /**
     * The value axes' tick labels read whole: the last one is centred on the axis' end, and a long one ("0.0000020" or
     * "0.000002" for a cost of about $0.000002 a run) was cut at the chart's right edge.
     */
    @Test
    void everyTickLabelOfTheChartsReadsWholeInsideItsChart() throws Exception {
        pick("quick-model", false);
        pick("fast-model", true);
        typePromptAndRun("Compare us");
        waitFor(() -> runEnabled() && text("#compare-message").startsWith("Finished 1 run"));
        AppWindow.click(robot, "Charts");
        waitFor(() -> text("#chart-cost").contains("0.00000")); // the cost axis' ticks, six or seven decimals
        for (String id : List.of("#chart-ttft", "#chart-total", "#chart-cost", "#chart-speed")) {
            assertThat(AppWindow.onFx(() -> {
                XYChart<?, ?> chart = robot.lookup(id).queryAs(XYChart.class);
                double right = chart.localToScene(chart.getLayoutBounds()).getMaxX();
                return chart.getXAxis().lookupAll("Text").stream().filter(Node::isVisible)
                        .filter(t -> t.localToScene(t.getLayoutBounds()).getMaxX() > right + 0.5)
                        .map(t -> ((Text) t).getText()).toList();
            })).as("tick labels past the right edge of " + id).isEmpty();
        }
    }

    @Test
    void aCloudModelAndTheTinyLocalModelAnswerSideBySide() throws Exception {
        // the committed tiny decoder, added while the window is open (as `models import` in a terminal would), then
        // File → Refresh (F5) shows it in the picker
        Path tiny = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
        try (Workspace ws = Workspace.open(dir.resolve("compare-test.switchyard"));
             var ctx = new dev.switchyard.app.AppContext(n -> null, java.time.Clock.systemUTC())) {
            ctx.directory(ws).registerLocal("tiny-llama", "Tiny Llama", 256, ModelKind.LOCAL_GENERATIVE,
                    new dev.switchyard.app.models.LocalModelSettings(tiny, null, null));
        }
        robot.press(KeyCode.F5).release(KeyCode.F5);
        pick("tiny-llama", true);
        pick("quick-model", false);
        pick("fast-model", true);
        assertThat(robot.lookup("#picked-count").queryAs(Label.class).getText()).startsWith("2 of 6");

        AppWindow.click(robot, "#param-max-tokens").write("12");
        typePromptAndRun("Say hello");

        waitFor(() -> text("#pane-0").contains("Done") && text("#pane-1").matches(".*(Done|Incomplete|Failed).*"));
        String local = text("#pane-0").contains("Tiny Llama") ? text("#pane-0") : text("#pane-1");
        String cloud = text("#pane-0").contains("Tiny Llama") ? text("#pane-1") : text("#pane-0");
        assertThat(cloud).contains("fast-model").contains("Done").contains("this is answer");
        // the local pane: streamed by the worker process, with its own figures
        assertThat(local).contains("Tiny Llama").contains("This device · Local").contains("Done").contains("TTFT")
                .contains("tok/s").doesNotContain("Loading the model").doesNotContain("Failed");
        String paneId = text("#pane-0").contains("Tiny Llama") ? "0" : "1";
        assertThat(robot.lookup("#pane-" + paneId + " .metric-out").queryAs(Label.class).getText()).matches("\\d+");
        assertThat(robot.lookup("#pane-other-figures-" + paneId).queryAs(Label.class).getText()).contains("load ");
        waitFor(() -> robot.lookup("#compare-message").queryAs(Label.class).getText().startsWith("Finished 2 runs"));
        assertThat(runEnabled()).isTrue();
    }
}
