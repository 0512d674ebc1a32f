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
                            public void onWaiting(Waiting why) {
                                events.add(n + ":waiting " + why);
                            }

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
                assertThat(mine).as("run %d", n).endsWith(n + ":complete").containsOnlyOnce(n + ":dispatched");
            }
            // the first run says it waits for the model's load, the second finds it loaded and the device free
            assertThat(events.stream().filter(e -> e.startsWith("0:")).toList())
                    .startsWith("0:waiting LOADING_MODEL", "0:dispatched", "0:token");
            assertThat(events.stream().filter(e -> e.startsWith("1:")).toList()).startsWith("1:dispatched", "1:token");
            assertThat(results[0].metrics().loadMs()).as("the first run loaded the model").isPositive();
            assertThat(results[0].metrics().ttftMs()).isLessThan(results[0].metrics().loadMs());
            assertThat(results[1].metrics().loadMs()).isNull();
        }
    }

    @Test
    void aRunStartedWhileAnotherLocalRunIsInFlightSaysItWaitsForTheDevice() throws Exception {
        try (LocalModels models = new LocalModels(LocalEngine::inProcess)) {
            LocalModelEngine engine = new LocalModelEngine(models, TINY, null, "tiny");
            EngineRequest request = new EngineRequest(null, "hello local model", new GenerationParams(8, null, null, null, List.of()));
            Recorder warm = new Recorder(null);
            engine.start(request, warm);
            assertThat(warm.done.await(60, TimeUnit.SECONDS)).isTrue();

            CountDownLatch release = new CountDownLatch(1);
            Recorder first = new Recorder(release); // holds its run in flight inside its first token
            engine.start(request, first);
            assertThat(first.firstToken.await(60, TimeUnit.SECONDS)).isTrue();
            Recorder second = new Recorder(null);
            engine.start(request, second);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!second.events.contains("waiting DEVICE_BUSY") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(second.events).containsExactly("waiting DEVICE_BUSY");
            release.countDown();
            assertThat(second.done.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.events).startsWith("dispatched", "token").doesNotContain("waiting DEVICE_BUSY")
                    .endsWith("complete");
            assertThat(second.events).startsWith("waiting DEVICE_BUSY", "dispatched", "token").endsWith("complete");

            // both ended: a third run finds the device free again
            Recorder third = new Recorder(null);
            engine.start(request, third);
            assertThat(third.done.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(third.events).startsWith("dispatched");
        }
    }

    /** Records a run's events; with a latch, its first token waits for it (the run stays in flight meanwhile). */
    private static final class Recorder implements EngineListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch firstToken = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        private final CountDownLatch hold;

        Recorder(CountDownLatch hold) {
            this.hold = hold;
        }

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
            firstToken.countDown();
            if (hold != null) {
                try {
                    hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void onComplete(EngineResult result) {
            events.add("complete");
            done.countDown();
        }

        @Override
        public void onError(EngineFailure failure) {
            events.add("error " + failure.userMessage());
            done.countDown();
        }
    }
}
