package dev.switchyard.ui.intents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.AppContext;
import dev.switchyard.app.models.IntentSetStore;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.DirectTaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import dev.switchyard.workspace.model.ModelKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Intent sets screen's view model on a real workspace with the shipped demo sets and the real embedded model. */
class IntentsViewModelTest {

    @TempDir
    Path dir;
    private AppContext ctx;
    private Workspace ws;
    private IntentsViewModel vm;

    @BeforeEach
    void setUp() {
        ctx = new AppContext(Map.<String, String>of()::get, Clock.systemUTC());
        ws = Workspace.open(dir.resolve("intents.switchyard"));
        new IntentSetStore(ws, ctx.directory(ws)).seedDemoSets();
        vm = new IntentsViewModel(new DirectTaskRunner(), w -> new IntentSetStore(w, ctx.directory(w)),
                () -> ctx.intentModels().intentModel());
        vm.setWorkspace(ws);
    }

    @AfterEach
    void tearDown() {
        ws.close();
        ctx.close();
    }

    @Test
    void theSetsAndTheirIntentsAreListedAndAPromptShowsTheTopIntentsWithScores() {
        assertThat(vm.sets()).extracting(s -> s.name()).contains("smart-home", "customer-support");
        vm.select(vm.sets().stream().filter(s -> s.name().equals("smart-home")).findFirst().orElseThrow());
        assertThat(vm.intents()).extracting(Intent::name).contains("lights_on");

        vm.promptProperty().set("turn on the kitchen lights");
        vm.tryPrompt();
        assertThat(vm.scores()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(vm.scores().get(0).intent()).isEqualTo("lights_on");
        assertThat(vm.scores().get(0).confidence()).isGreaterThan(vm.scores().get(vm.scores().size() - 1).confidence() - 1e-9);
        assertThat(vm.scores().get(0).toString()).matches("lights_on — confidence 0\\.\\d\\d, similarity 0\\.\\d\\d");
        // the first try loaded the embedder and embedded the set; the answer says so apart from the match itself
        assertThat(vm.tryResultProperty().get()).startsWith("Reply: Turning on the kitchen lights. (matched in ")
                .contains("; loading the model and embedding the set's examples first took ");
        vm.tryPrompt();
        assertThat(vm.tryResultProperty().get()).matches("Reply: Turning on the kitchen lights\\. \\(matched in \\d+ ms\\)");
    }

    @Test
    void anEditedIntentIsStoredAndTheNextTryUsesIt() {
        vm.select(vm.sets().stream().filter(s -> s.name().equals("smart-home")).findFirst().orElseThrow());
        // a new intent the set did not know: the try before it and after it differ
        vm.promptProperty().set("water the basil on the balcony");
        vm.tryPrompt();
        assertThat(vm.scores()).extracting(IntentsViewModel.Scored::intent).doesNotContain("water_plants");

        vm.edit(null);
        vm.nameProperty().set("water_plants");
        vm.examplesProperty().set("water the plants\n  water the basil  \n\nturn on the sprinkler\nwater the plants");
        vm.replyProperty().set("Watering the plants.");
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Saved intent 'water_plants' (3 examples)");
        Intent stored = ws.intentSets().intents(vm.setProperty().get().id()).stream()
                .filter(i -> i.name().equals("water_plants")).findFirst().orElseThrow();
        assertThat(stored.examples()).containsExactly("water the plants", "water the basil", "turn on the sprinkler");
        assertThat(stored.responseTemplate()).isEqualTo("Watering the plants.");
        assertThat(vm.intentProperty().get().id()).isEqualTo(stored.id());

        vm.tryPrompt();
        assertThat(vm.scores().get(0).intent()).isEqualTo("water_plants");
        assertThat(vm.tryResultProperty().get()).startsWith("Reply: Watering the plants.");

        // edit the reply of the same intent, then delete it
        vm.replyProperty().set("Plants watered.");
        vm.save();
        assertThat(ws.intentSets().intents(vm.setProperty().get().id()).stream()
                .filter(i -> i.name().equals("water_plants")).count()).isEqualTo(1);
        vm.tryPrompt();
        assertThat(vm.tryResultProperty().get()).startsWith("Reply: Plants watered.");
        vm.delete();
        assertThat(vm.intents()).extracting(Intent::name).doesNotContain("water_plants");
        assertThat(vm.intentProperty().get()).isNull();
    }

    @Test
    void badInputSaysWhatToDoAndStoresNothing() {
        vm.select(vm.sets().stream().filter(s -> s.name().equals("smart-home")).findFirst().orElseThrow());
        int before = vm.intents().size();
        vm.edit(null);
        vm.nameProperty().set("  ");
        vm.examplesProperty().set("something");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Give the intent a name (for example lights_on).");
        vm.nameProperty().set("new_one");
        vm.examplesProperty().set(" \n ");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Add at least one example utterance, one per line.");
        vm.nameProperty().set("LIGHTS_ON");
        vm.examplesProperty().set("lights please");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("The set already has an intent named 'LIGHTS_ON'.");
        assertThat(ws.intentSets().intents(vm.setProperty().get().id())).hasSize(before);

        vm.promptProperty().set("");
        vm.tryPrompt();
        assertThat(vm.messageProperty().get()).isEqualTo("Type a prompt to try.");
        vm.newSetNameProperty().set("smart-home");
        vm.createSet();
        assertThat(vm.messageProperty().get()).isEqualTo("The workspace already has an intent set named 'smart-home'.");
        vm.newSetNameProperty().set("../etc");
        vm.createSet();
        assertThat(vm.messageProperty().get()).startsWith("Name the set with letters");
    }

    @Test
    void aNewSetGetsItsIntentModelForCompare() {
        vm.newSetNameProperty().set("kitchen-assistant");
        vm.createSet();
        assertThat(vm.setProperty().get().name()).isEqualTo("kitchen-assistant");
        assertThat(vm.intents()).isEmpty();
        vm.promptProperty().set("preheat the oven");
        vm.tryPrompt();
        assertThat(vm.messageProperty().get()).isEqualTo("The set has no intents yet: add one first.");
        assertThat(ws.models().list()).anyMatch(m -> m.kind() == ModelKind.LOCAL_INTENT
                && m.apiModelId().equals("intent:kitchen-assistant"));

        vm.nameProperty().set("preheat");
        vm.examplesProperty().set("preheat the oven\nwarm up the oven to 200 degrees");
        vm.save();
        vm.tryPrompt();
        assertThat(vm.scores()).extracting(IntentsViewModel.Scored::intent).containsExactly("preheat");
    }

    private IntentSet set(String name) {
        return vm.sets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private Intent intent(String name) {
        return vm.intents().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    /** The questions the view model asks go into {@code asked}; each is answered with {@code answer[0]}. */
    private void recordAsks(List<String> asked, UnsavedChoice[] answer) {
        vm.setAskToSave(q -> {
            asked.add(q);
            return answer[0];
        });
    }

    private Intent stored(String set, String name) {
        return ws.intentSets().intents(ws.intentSets().findByName(set).orElseThrow().id()).stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anUnsavedEditIsAskedAboutBeforeAnotherIntentReplacesIt() {
        List<String> asked = new ArrayList<>();
        UnsavedChoice[] answer = {UnsavedChoice.CANCEL};
        recordAsks(asked, answer);
        vm.select(set("smart-home"));
        vm.edit(intent("lights_on"));
        vm.edit(intent("lights_off")); // nothing changed: no question
        vm.edit(intent("lights_on"));
        assertThat(asked).isEmpty();
        assertThat(vm.unsavedProperty().get()).isFalse();
        vm.examplesProperty().set(vm.examplesProperty().get() + "\n"); // a blank line stores nothing new
        assertThat(vm.unsavedProperty().get()).isFalse();

        vm.replyProperty().set("Lights on.");
        assertThat(vm.unsavedProperty().get()).isTrue();
        vm.edit(intent("lights_off")); // Cancel: stays, as typed
        assertThat(asked).containsExactly("Save changes to lights_on?");
        assertThat(vm.intentProperty().get().name()).isEqualTo("lights_on");
        assertThat(vm.replyProperty().get()).isEqualTo("Lights on.");

        answer[0] = UnsavedChoice.DISCARD;
        vm.edit(intent("lights_off"));
        assertThat(vm.intentProperty().get().name()).isEqualTo("lights_off");
        assertThat(stored("smart-home", "lights_on").responseTemplate())
                .isEqualTo("Turning on the {{room|}} {{device|lights}}.");

        answer[0] = UnsavedChoice.SAVE;
        vm.replyProperty().set("Lights off.");
        vm.edit(null); // New intent
        assertThat(stored("smart-home", "lights_off").responseTemplate()).isEqualTo("Lights off.");
        assertThat(vm.intentProperty().get()).isNull();
        assertThat(vm.nameProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Saved intent 'lights_off'");

        // Save of something that cannot be stored: nothing is stored, nothing switches, the message says why
        vm.edit(intent("lights_on"));
        vm.examplesProperty().set("");
        asked.clear();
        vm.edit(intent("lights_off"));
        assertThat(asked).containsExactly("Save changes to lights_on?");
        assertThat(vm.intentProperty().get().name()).isEqualTo("lights_on");
        assertThat(vm.messageProperty().get()).isEqualTo("Add at least one example utterance, one per line.");
        assertThat(stored("smart-home", "lights_on").examples()).hasSize(9);
    }

    @Test
    void aNewIntentNotYetSavedIsAskedAboutBeforeAnotherSetOrANewSetReplacesIt() {
        List<String> asked = new ArrayList<>();
        UnsavedChoice[] answer = {UnsavedChoice.CANCEL};
        recordAsks(asked, answer);
        vm.select(set("smart-home"));
        vm.edit(null);
        vm.nameProperty().set("water_plants");
        vm.examplesProperty().set("water the plants");
        vm.select(set("customer-support"));
        assertThat(asked).containsExactly("Save the new intent water_plants?");
        assertThat(vm.setProperty().get().name()).isEqualTo("smart-home");

        vm.newSetNameProperty().set("garden");
        vm.createSet(); // Cancel: no set created either
        assertThat(vm.sets()).extracting(IntentSet::name).doesNotContain("garden");

        answer[0] = UnsavedChoice.SAVE;
        vm.select(set("customer-support"));
        assertThat(vm.setProperty().get().name()).isEqualTo("customer-support");
        assertThat(stored("smart-home", "water_plants").examples()).containsExactly("water the plants");
    }

    /**
     * What quitting or opening another workspace names: the intent edited and a set name typed but not created; a prompt
     * typed to try the set is not work to keep.
     */
    @Test
    void typedAndNotStoredIsNamedAsUnsavedWork() {
        List<String> asked = new ArrayList<>();
        UnsavedChoice[] answer = {UnsavedChoice.DISCARD};
        recordAsks(asked, answer);
        vm.select(set("smart-home"));
        vm.edit(intent("lights_on"));
        assertThat(vm.unsavedWork()).isNull();
        vm.promptProperty().set("turn on the lights");
        assertThat(vm.unsavedWork()).as("a prompt to try").isNull();

        vm.newSetNameProperty().set(" kitchen ");
        assertThat(vm.unsavedWork()).isEqualTo("the new intent set kitchen (not created)");
        vm.replyProperty().set("Lights on.");
        assertThat(vm.unsavedWork()).isEqualTo("the intent lights_on, the new intent set kitchen (not created)");

        vm.createSet(); // the edit discarded, the set created
        assertThat(vm.sets()).extracting(IntentSet::name).contains("kitchen");
        assertThat(vm.unsavedWork()).isNull();
        vm.edit(null);
        vm.examplesProperty().set("water the plants");
        assertThat(vm.unsavedWork()).isEqualTo("a new intent");
    }

    @Test
    void aRefreshKeepsTheEditorAsTyped() {
        vm.select(set("smart-home"));
        vm.edit(intent("lights_on"));
        vm.replyProperty().set("Lights on, as typed.");
        vm.refresh();
        assertThat(vm.setProperty().get().name()).isEqualTo("smart-home");
        assertThat(vm.intentProperty().get().name()).isEqualTo("lights_on");
        assertThat(vm.replyProperty().get()).isEqualTo("Lights on, as typed.");
        assertThat(vm.unsavedProperty().get()).isTrue();
        assertThat(vm.intents()).extracting(Intent::name).contains("lights_off");
    }

    @Test
    void deletingAsksWithTheIntentsNameAndItsNumberOfExamples() {
        vm.select(set("smart-home"));
        assertThat(vm.deleteQuestion()).isNull();
        vm.edit(intent("lights_on"));
        assertThat(vm.deleteQuestion()).isEqualTo("Delete lights_on and its 9 examples?");
        vm.edit(null);
        vm.nameProperty().set("one");
        vm.examplesProperty().set("just one");
        vm.save();
        assertThat(vm.deleteQuestion()).isEqualTo("Delete one and its 1 example?");
    }
}
