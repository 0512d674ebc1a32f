package dev.switchyard.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.cloud.Timeouts;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.Provider;
import dev.switchyard.workspace.model.ProviderKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models → a cloud model → Time limits: shown readably with the defaults marked, checked, saved, reset, refreshed. */
class TimeLimitsEditorTest {

    @TempDir
    Path dir;
    private AppContext ctx;
    private Workspace ws;
    private ModelsViewModel vm;
    private TimeLimitsEditor limits;
    private ModelDirectory directory;

    @BeforeEach
    void setUp() {
        ctx = new AppContext(Map.<String, String>of()::get, Clock.systemDefaultZone());
        ws = Workspace.open(dir.resolve("l.switchyard"));
        directory = ctx.directory(ws);
        Provider gate = ws.providers().insert(Provider.of(ProviderKind.OPENAI_COMPATIBLE, "Ollama box",
                "http://127.0.0.1:9/v1", null, null));
        directory.addCloudModel(gate, "llama3.1:70b");
        directory.addCloudModel(gate, "o1-mini"); // the catalog's reasoning model: longer defaults
        KeyVault vault = new ModelsViewModelTest.TestVault(ctx, new KeyVault.Status(true, ""));
        vm = new ModelsViewModel(new DirectTaskRunner(), ModelsServices.of(ctx, vault), vault, ctx.catalog().providers(),
                new FakeLocalModels(), Clock.systemDefaultZone());
        vm.setWorkspace(ws);
        limits = vm.limits();
    }

    @AfterEach
    void tearDown() {
        ws.close();
        ctx.close();
    }

    private void pick(String apiId) {
        vm.selectedModelProperty().set(vm.models().stream().filter(r -> r.model().apiModelId().equals(apiId)).findFirst()
                .orElseThrow());
    }

    private String text(Limit l) {
        return limits.textProperty(l).get();
    }

    private Timeouts stored(String apiId) {
        Model m = ws.models().list().stream().filter(x -> x.apiModelId().equals(apiId)).findFirst().orElseThrow();
        return directory.timeouts(m);
    }

    @Test
    void showsThePickedModelsLimitsReadablyWithTheDefaultsMarked() {
        assertThat(limits.hasModelProperty().get()).isFalse();
        assertThat(limits.summaryProperty().get()).isEqualTo(TimeLimitsEditor.PICK_A_MODEL);

        pick("llama3.1:70b");
        assertThat(limits.titleProperty().get()).isEqualTo("Time limits of llama3.1:70b");
        assertThat(limits.hasModelProperty().get()).isTrue();
        assertThat(text(Limit.CONNECT)).isEqualTo("10 s");
        assertThat(text(Limit.FIRST_TOKEN)).isEqualTo("60 s");
        assertThat(text(Limit.IDLE_GAP)).isEqualTo("30 s");
        assertThat(text(Limit.TOTAL)).isEqualTo("10 min");
        for (Limit l : Limit.values()) {
            assertThat(limits.noteProperty(l).get()).as(l.label()).isEqualTo("default");
            assertThat(limits.problemProperty(l).get()).isEmpty();
        }
        assertThat(limits.summaryProperty().get()).isEqualTo("A run that takes longer than one of these stops with an "
                + "error. These are this model's defaults.");
        assertThat(limits.atDefaultsProperty().get()).as("nothing to reset").isTrue();

        pick("o1-mini");
        assertThat(text(Limit.FIRST_TOKEN)).isEqualTo("5 min");
        assertThat(text(Limit.TOTAL)).isEqualTo("15 min");
        assertThat(limits.summaryProperty().get()).endsWith("These are the defaults for a reasoning model.");

        limits.textProperty(Limit.FIRST_TOKEN).set("7 min");
        assertThat(limits.noteProperty(Limit.FIRST_TOKEN).get()).as("says what the default is").isEqualTo("default 5 min");
        limits.textProperty(Limit.FIRST_TOKEN).set("300");
        assertThat(limits.noteProperty(Limit.FIRST_TOKEN).get()).as("300 s is the default").isEqualTo("default");
    }

    /**
     * Limits typed and not saved are what the Models screen names before quitting or opening another workspace ("time
     * limits of llama3.1:70b"); fields as filled in, the same time written another way, saved or reset limits are not;
     * another workspace keeps nothing of this one's model.
     */
    @Test
    void limitsTypedAndNotSavedAreTheScreensUnsavedWork() {
        assertThat(vm.unsavedWork()).isNull();
        pick("llama3.1:70b");
        assertThat(vm.unsavedWork()).as("fields the user has not changed").isNull();

        limits.textProperty(Limit.TOTAL).set("20"); // "20 min" half typed
        assertThat(limits.unsavedWork()).isEqualTo("time limits of llama3.1:70b");
        assertThat(vm.unsavedWork()).isEqualTo("time limits of llama3.1:70b");
        limits.textProperty(Limit.TOTAL).set("600"); // the stored 10 min, written another way
        assertThat(vm.unsavedWork()).isNull();
        limits.textProperty(Limit.TOTAL).set("20 min");
        limits.save();
        assertThat(stored("llama3.1:70b").total()).isEqualTo(Duration.ofMinutes(20));
        assertThat(vm.unsavedWork()).as("saved").isNull();

        limits.textProperty(Limit.FIRST_TOKEN).set("soon"); // typed wrong: still typed
        assertThat(vm.unsavedWork()).isEqualTo("time limits of llama3.1:70b");
        limits.resetToDefaults();
        assertThat(vm.unsavedWork()).as("reset stores the defaults the fields show").isNull();

        // another workspace (the window asked first): the model and what was typed for it stay with the one left
        limits.textProperty(Limit.FIRST_TOKEN).set("2 min");
        try (Workspace other = Workspace.open(dir.resolve("other.switchyard"))) {
            vm.setWorkspace(other);
            assertThat(limits.hasModelProperty().get()).isFalse();
            assertThat(vm.unsavedWork()).isNull();
            vm.setWorkspace(ws);
        }
    }

    @Test
    void aWrongValueIsMarkedSaidOnSaveAndNothingIsStored() {
        pick("llama3.1:70b");
        limits.textProperty(Limit.FIRST_TOKEN).set("soon");
        assertThat(limits.problemProperty(Limit.FIRST_TOKEN).get()).as("marked as typed")
                .isEqualTo("'soon' is not a time (first token); write it like 90 s, 5 min or 500 ms.");
        assertThat(limits.problemProperty(Limit.TOTAL).get()).isEmpty();
        assertThat(limits.errorProperty().get()).as("said on Save, like a price").isEmpty();
        limits.save();
        assertThat(limits.errorProperty().get()).isEqualTo("'soon' is not a time (first token); write it like 90 s, 5 min"
                + " or 500 ms.");
        assertThat(limits.messageProperty().get()).isEmpty();
        assertThat(stored("llama3.1:70b")).isEqualTo(Timeouts.DEFAULT);

        limits.textProperty(Limit.FIRST_TOKEN).set("20 min"); // longer than the total of 10 min
        assertThat(limits.errorProperty().get()).as("the sentence shown is no longer true").isEmpty();
        String order = "First token (20 min) cannot be longer than total (10 min): the total limit covers the whole run.";
        assertThat(limits.problemProperty(Limit.FIRST_TOKEN).get()).isEqualTo(order);
        assertThat(limits.problemProperty(Limit.TOTAL).get()).as("both fields of the pair").isEqualTo(order);
        limits.save();
        assertThat(limits.errorProperty().get()).isEqualTo(order);
        assertThat(stored("llama3.1:70b")).isEqualTo(Timeouts.DEFAULT);

        limits.textProperty(Limit.IDLE_GAP).set("0");
        limits.textProperty(Limit.FIRST_TOKEN).set("2 min");
        assertThat(limits.problemProperty(Limit.TOTAL).get()).isEmpty();
        assertThat(limits.problemProperty(Limit.IDLE_GAP).get()).isEqualTo("Idle gap must be between 1 s and 1 h (it is 0 s).");
        limits.save();
        assertThat(limits.errorProperty().get()).isEqualTo("Idle gap must be between 1 s and 1 h (it is 0 s).");
        assertThat(stored("llama3.1:70b")).isEqualTo(Timeouts.DEFAULT);
    }

    @Test
    void savesTheLimitsAsTypedThenResetsThemToTheDefaults() {
        pick("llama3.1:70b");
        limits.textProperty(Limit.FIRST_TOKEN).set("180"); // a bare number is seconds
        limits.textProperty(Limit.TOTAL).set("0.5 h");
        assertThat(limits.atDefaultsProperty().get()).as("edited: Reset can bring the defaults back").isFalse();
        limits.save();

        assertThat(stored("llama3.1:70b")).isEqualTo(Timeouts.DEFAULT.withFirstToken(Duration.ofMinutes(3))
                .withTotal(Duration.ofMinutes(30)));
        assertThat(limits.messageProperty().get()).isEqualTo("Saved the time limits of llama3.1:70b; its next run uses them.");
        assertThat(limits.errorProperty().get()).isEmpty();
        assertThat(text(Limit.FIRST_TOKEN)).as("written back readably").isEqualTo("3 min");
        assertThat(text(Limit.TOTAL)).isEqualTo("30 min");
        assertThat(limits.noteProperty(Limit.FIRST_TOKEN).get()).isEqualTo("default 60 s");
        assertThat(limits.noteProperty(Limit.IDLE_GAP).get()).isEqualTo("default");
        assertThat(limits.summaryProperty().get()).endsWith("Changed from this model's defaults (connect 10 s · first token"
                + " 60 s · idle gap 30 s · total 10 min).");
        assertThat(limits.atDefaultsProperty().get()).isFalse();

        limits.textProperty(Limit.CONNECT).set("oops"); // whatever is typed, Reset stores the defaults
        limits.resetToDefaults();
        assertThat(stored("llama3.1:70b")).isEqualTo(Timeouts.DEFAULT);
        assertThat(text(Limit.CONNECT)).isEqualTo("10 s");
        assertThat(text(Limit.FIRST_TOKEN)).isEqualTo("60 s");
        assertThat(limits.problemProperty(Limit.CONNECT).get()).isEmpty();
        assertThat(limits.messageProperty().get()).isEqualTo("llama3.1:70b has its default time limits again: connect 10 s"
                + " · first token 60 s · idle gap 30 s · total 10 min.");
        assertThat(limits.atDefaultsProperty().get()).isTrue();
    }

    /** Limits set from a terminal show on F5 / focus; a limit being typed stays as typed. */
    @Test
    void refreshFollowsTheCliUnlessALimitIsBeingTyped() {
        pick("llama3.1:70b");
        Model row = ws.models().list().stream().filter(x -> x.apiModelId().equals("llama3.1:70b")).findFirst().orElseThrow();
        directory.setTimeouts(row, Timeouts.DEFAULT.withFirstToken(Duration.ofMinutes(2)));
        vm.refresh();
        assertThat(text(Limit.FIRST_TOKEN)).isEqualTo("2 min");

        limits.textProperty(Limit.TOTAL).set("12 min");
        directory.setTimeouts(row, Timeouts.DEFAULT.withFirstToken(Duration.ofMinutes(4)));
        vm.refresh();
        assertThat(text(Limit.TOTAL)).as("being typed").isEqualTo("12 min");
        assertThat(text(Limit.FIRST_TOKEN)).as("kept with the edit, not half replaced").isEqualTo("2 min");
        assertThat(limits.summaryProperty().get()).as("the stored state").contains("Changed from this model's defaults");
    }
}
