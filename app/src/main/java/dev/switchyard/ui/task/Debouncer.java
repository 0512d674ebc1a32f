package dev.switchyard.ui.task;

/**
 * Runs an action once things have been quiet for a while: each {@link #restart} drops the action waiting and waits
 * again for the new one. Production waits on the FX thread's clock ({@link FxDebouncer}); tests fire it by hand.
 */
@FunctionalInterface
public interface Debouncer {

    /** Waits anew, then runs {@code action} on the UI thread (unless another restart comes first). */
    void restart(Runnable action);

    /** Never runs anything. */
    Debouncer NEVER = action -> { };
}
