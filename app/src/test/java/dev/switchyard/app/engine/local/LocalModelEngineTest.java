package dev.switchyard.app.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.engine.EngineFailure;
import dev.switchyard.app.engine.EngineListener;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.EngineResult;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.local.LocalEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app's local engine on the committed tiny decoder (in process): what a pane and the run store see of a run. */
class LocalModelEngineTest {

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();

    @Test
    void aRunSaysTheEngineBeganBeforeItsFirstTokenAndItsTtftLeavesTheLoadOut() throws Exception {
        try (LocalModels models = new LocalModels(LocalEngine::inProcess)) {
            LocalModelEngine engine = new LocalModelEngine(models, TINY, null, "tiny");
            List<String> events = new CopyOnWriteArrayList<>();
            EngineResult[] results = new EngineResult[2];
            for (int i = 0; i < 2; i++) { // the first run loads the model, the second finds it loaded
                int n = i;
                CountDownLatch done = new CountDownLatch(1);
                engine.start(new EngineRequest(null, "hello local model", new GenerationParams(8, null, null, null, List.of())),
                        new EngineListener() {
                            @Override
                            public void onDispatched() {
                                events.add(n + ":dispatched");
                            }

                            @Override
                            public void onToken(String text) {
                                events.add(n + ":token");
                            }

                            @Override
                            public void onComplete(EngineResult result) {
                                results[n] = result;
                                events.add(n + ":complete");
                                done.countDown();
                            }

                            @Override
                            public void onError(EngineFailure failure) {
                                events.add(n + ":error " + failure.userMessage());
                                done.countDown();
                            }
                        });
                assertThat(done.await(60, TimeUnit.SECONDS)).as("run %d ended", n).isTrue();
            }
            for (int n = 0; n < 2; n++) {
                String run = n + ":";
                List<String> mine = events.stream().filter(e -> e.startsWith(run)).toList();
                assertThat(mine).as("run %d", n).startsWith(n + ":dispatched", n + ":token").endsWith(n + ":complete")
                        .containsOnlyOnce(n + ":dispatched");
            }
            assertThat(results[0].metrics().loadMs()).as("the first run loaded the model").isPositive();
            assertThat(results[0].metrics().ttftMs()).isLessThan(results[0].metrics().loadMs());
            assertThat(results[1].metrics().loadMs()).isNull();
        }
    }
}
