package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.app.run.RunFailure;
import dev.switchyard.workspace.model.Run;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamBatcherTest {

    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private final Deque<Runnable> window = new ArrayDeque<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<List<StreamBatcher.Event>> delivered = new ArrayList<>();
    private final StreamBatcher batcher = new StreamBatcher(uiQueue::add, window::add, clock::get, delivered::add);

    private void drainUi() {
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }

    @Test
    void manyTokensInOneWindowCostOneUiPost() {
        for (int i = 0; i < 100; i++) {
            clock.addAndGet(1_000_000);
            batcher.token("t" + i + " ");
        }
        assertThat(window).hasSize(1);
        assertThat(uiQueue).isEmpty();
        window.poll().run();
        assertThat(uiQueue).hasSize(1);
        drainUi();

        assertThat(delivered).hasSize(1);
        StreamBatcher.Tokens t = (StreamBatcher.Tokens) delivered.get(0).get(0);
        assertThat(t.pieces()).isEqualTo(100);
        assertThat(t.text()).startsWith("t0 t1 ").endsWith("t99 ");
        assertThat(t.lastNanos() - t.firstNanos()).isEqualTo(99_000_000L);
        assertThat(batcher.posts()).isEqualTo(1);
    }

    @Test
    void startAndEndGoAtOnceAfterTheTextBeforeThem() {
        Run run = Run.created(1, "p", "{}");
        batcher.started(run);
        drainUi();
        batcher.token("Hel");
        batcher.reasoning("think");
        batcher.token("lo");
        batcher.finished(run, new RunFailure("cancelled", "The run was stopped."));
        drainUi();

        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0)).hasSize(1).first().isInstanceOf(StreamBatcher.Started.class);
        List<StreamBatcher.Event> second = delivered.get(1);
        assertThat(second).hasSize(2);
        StreamBatcher.Tokens t = (StreamBatcher.Tokens) second.get(0);
        assertThat(t.text()).isEqualTo("Hello");
        assertThat(t.reasoning()).isEqualTo("think");
        assertThat(((StreamBatcher.Finished) second.get(1)).failure().kind()).isEqualTo("cancelled");

        window.forEach(Runnable::run);
        drainUi();
        assertThat(delivered).hasSize(2);
    }
}
