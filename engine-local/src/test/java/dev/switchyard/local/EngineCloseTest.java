package dev.switchyard.local;

import dev.switchyard.local.LocalEngine.LoadedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCloseTest {
    @Test
    void closingTheEngineEndsRunningAndQueuedRunsWithOneTerminalCallbackEach() throws Exception {
        LocalEngine engine = LocalEngine.inProcess();
        LoadedModel m = engine.load(TestModels.tiny(), LoadOptions.defaults());
        RecordingListener first = new RecordingListener();
        RecordingListener queued = new RecordingListener();
        engine.generate(GenerationRequest.of(m.id(), "a long answer please", 200), first);
        engine.generate(GenerationRequest.of(m.id(), "waiting in line", 200), queued);
        engine.close();
        for (RecordingListener l : new RecordingListener[] {first, queued}) {
            l.await();
            assertThat(l.terminals.get()).isEqualTo(1);
            if (l.error != null) {
                assertThat(l.error.kind()).as(l.error.getMessage()).isEqualTo(LocalEngineException.Kind.CANCELLED);
            }
        }
        RecordingListener after = new RecordingListener();
        engine.generate(GenerationRequest.of(m.id(), "too late", 4), after);
        after.await();
        assertThat(after.error).isNotNull();
    }
}
