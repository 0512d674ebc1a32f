package dev.switchyard.app.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.engine.Availability;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.app.engine.GenerationParams;
import dev.switchyard.app.engine.RecordingListener;
import dev.switchyard.local.LocalEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app's local engine on the committed tiny decoder (in process): what a pane and the run store see of a run. */
class LocalModelEngineTest {

    static final Path TINY = Path.of("../engine-local/src/test/resources/models/tiny-random-llama").toAbsolutePath().normalize();
    private static final EngineRequest REQUEST =
            new EngineRequest(null, "hello local model", new GenerationParams(8, null, null, null, List.of()));

    @Test
    void aRunSaysTheEngineBeganBeforeItsFirstTokenAndItsTtftLeavesTheLoadOut() throws Exception {
        try (LocalModels models = new LocalModels(LocalEngine::inProcess)) {
            LocalModelEngine engine = new LocalModelEngine(models, TINY, null, "tiny");
            // what the model picker would show when it hears of the load beginning and ending
            List<Availability> availabilityDuringLoads = new java.util.concurrent.CopyOnWriteArrayList<>();
            models.onLoadsChanged(() -> availabilityDuringLoads.add(engine.availability()));
            RecordingListener first = new RecordingListener(); // loads the model
            engine.start(REQUEST, first);
            assertThat(first.ended()).isTrue();
            RecordingListener second = new RecordingListener(); // finds it loaded and the device free
            engine.start(REQUEST, second);
            assertThat(second.ended()).isTrue();

            assertThat(first.events).startsWith("waiting LOADING_MODEL", "dispatched", "token").endsWith("complete")
                    .containsOnlyOnce("dispatched");
            assertThat(second.events).startsWith("dispatched", "token").endsWith("complete").containsOnlyOnce("dispatched");
            assertThat(first.result.metrics().loadMs()).as("the first run loaded the model").isPositive();
            assertThat(availabilityDuringLoads).containsExactly(Availability.readyWhen("Loading into memory…"), Availability.READY);
            assertThat(engine.availability()).isEqualTo(Availability.READY);
            assertThat(first.result.metrics().ttftMs()).isLessThan(first.result.metrics().loadMs());
            assertThat(second.result.metrics().loadMs()).isNull();
        }
    }

    @Test
    void aRunStartedWhileAnotherLocalRunIsInFlightSaysItWaitsForTheDevice() throws Exception {
        try (LocalModels models = new LocalModels(LocalEngine::inProcess)) {
            LocalModelEngine engine = new LocalModelEngine(models, TINY, null, "tiny");
            RecordingListener warm = new RecordingListener();
            engine.start(REQUEST, warm);
            assertThat(warm.ended()).isTrue();

            CountDownLatch release = new CountDownLatch(1);
            RecordingListener first = new RecordingListener(release); // holds its run in flight inside its first token
            engine.start(REQUEST, first);
            assertThat(first.firstToken.await(60, TimeUnit.SECONDS)).isTrue();
            RecordingListener second = new RecordingListener();
            engine.start(REQUEST, second);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!second.events.contains("waiting DEVICE_BUSY") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(second.events).containsExactly("waiting DEVICE_BUSY");
            release.countDown();
            assertThat(second.ended()).isTrue();
            assertThat(first.events).startsWith("dispatched", "token").doesNotContain("waiting DEVICE_BUSY")
                    .endsWith("complete");
            assertThat(second.events).startsWith("waiting DEVICE_BUSY", "dispatched", "token").endsWith("complete");

            // both ended: a third run finds the device free again
            RecordingListener third = new RecordingListener();
            engine.start(REQUEST, third);
            assertThat(third.ended()).isTrue();
            assertThat(third.events).startsWith("dispatched");
        }
    }
}
