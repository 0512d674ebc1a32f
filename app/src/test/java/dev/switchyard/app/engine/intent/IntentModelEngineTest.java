package dev.switchyard.app.engine.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.engine.RecordingListener;
import dev.switchyard.app.models.Assets;
import dev.switchyard.local.intent.IntentSet;
import dev.switchyard.local.intent.IntentSets;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded intent model as an engine, on the shipped smart-home set: what a pane sees of its runs. */
class IntentModelEngineTest {

    @Test
    void aRunSaysItBeganAfterTheEmbedderLoadedAndBeforeItsReply() throws Exception {
        IntentSet set;
        try (InputStream in = Assets.open("intents/smart-home.json")) {
            set = IntentSets.load(in);
        }
        try (IntentModels models = new IntentModels()) {
            IntentModelEngine engine = new IntentModelEngine(models, "smart-home", () -> Optional.of(set));
            for (int n = 0; n < 2; n++) { // the first run loads the embedder and embeds the set
                RecordingListener run = new RecordingListener();
                engine.start(new EngineRequest(null, "turn on the kitchen lights", GenerationParams.DEFAULTS), run);
                assertThat(run.ended()).isTrue();
                // the first run says it waits for the embedder's load; the second begins at once
                List<String> start = n == 0 ? List.of("waiting LOADING_MODEL", "dispatched", "token") : List.of("dispatched", "token");
                assertThat(run.events).as("run %d", n).startsWith(start.toArray(String[]::new)).endsWith("complete")
                        .containsOnlyOnce("dispatched");
                assertThat(run.result.text()).isEqualTo("Turning on the kitchen lights.");
                if (n == 0) {
                    assertThat(run.result.metrics().loadMs()).as("the first run loaded the embedder").isPositive();
                }
            }
        }
    }
}
