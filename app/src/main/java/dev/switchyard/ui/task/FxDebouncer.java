package dev.switchyard.ui.task;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** A {@link Debouncer} on the FX thread's timeline: restarted on the FX thread, the action runs there. */
public final class FxDebouncer implements Debouncer {

    private final PauseTransition pause;
    private Runnable action = () -> { };

    public FxDebouncer(Duration quiet) {
        pause = new PauseTransition(javafx.util.Duration.millis(quiet.toMillis()));
        pause.setOnFinished(e -> action.run());
    }

    @Override
    public void restart(Runnable next) {
        action = next;
        pause.playFromStart();
    }
}
