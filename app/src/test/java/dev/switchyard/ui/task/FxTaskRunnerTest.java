package dev.switchyard.ui.task;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FxTaskRunnerTest {

    @Test
    void workHandedInAfterCloseIsDroppedQuietly() {
        // a stream's last batch can ask for work while the window closes; that must not throw on the FX thread
        FxTaskRunner runner = new FxTaskRunner();
        runner.close();
        AtomicBoolean ran = new AtomicBoolean();
        assertThatCode(() -> runner.run("late", () -> {
            ran.set(true);
            return 1;
        }, v -> ran.set(true), e -> ran.set(true))).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(ran).isFalse();
    }
}
