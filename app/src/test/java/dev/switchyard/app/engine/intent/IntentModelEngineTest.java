package dev.switchyard.app.engine.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.models.Assets;
import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.local.intent.IntentSet;
import dev.switchyard.local.intent.IntentSets;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
                List<String> events = new CopyOnWriteArrayList<>();
                EngineResult[] result = new EngineResult[1];
                CountDownLatch done = new CountDownLatch(1);
                engine.start(new EngineRequest(null, "turn on the kitchen lights", GenerationParams.DEFAULTS), new EngineListener() {
                    @Override
                    public void onWaiting(Waiting why) {
                        events.add("waiting " + why);
                    }

                    @Override
                    public void onDispatched() {
                        events.add("dispatched");
                    }

                    @Override
                    public void onToken(String text) {
                        events.add("token");
                    }

                    @Override
                    public void onComplete(EngineResult r) {
                        result[0] = r;
                        events.add("complete");
                        done.countDown();
                    }

                    @Override
                    public void onError(EngineFailure failure) {
                        events.add("error " + failure.userMessage());
                        done.countDown();
                    }
                });
                assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
                // the first run says it waits for the embedder's load; the second begins at once
                List<String> start = n == 0 ? List.of("waiting LOADING_MODEL", "dispatched", "token") : List.of("dispatched", "token");
                assertThat(events).as("run %d", n).startsWith(start.toArray(String[]::new)).endsWith("complete")
                        .containsOnlyOnce("dispatched");
                assertThat(result[0].text()).isEqualTo("Turning on the kitchen lights.");
                if (n == 0) {
                    assertThat(result[0].metrics().loadMs()).as("the first run loaded the embedder").isPositive();
                }
            }
        }
    }
}
