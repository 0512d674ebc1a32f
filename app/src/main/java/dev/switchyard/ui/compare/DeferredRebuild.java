package dev.switchyard.ui.compare;

import javafx.beans.value.ObservableBooleanValue;

/**
 * Rebuilds a tab's content only while the tab shows: the statistics and charts change with every finished run, and
 * rebuilding them behind the Answers tab would cost the FX thread while other panes still stream. A change made
 * while hidden is rebuilt once, when the tab is shown again.
 */
final class DeferredRebuild {

    private final Runnable rebuild;
    private ObservableBooleanValue showing;
    private boolean stale;

    DeferredRebuild(Runnable rebuild) {
        this.rebuild = rebuild;
    }

    /** From now on rebuilds wait while {@code showing} is false (until then they happen at once). */
    void showWhile(ObservableBooleanValue shown) {
        showing = shown;
        shown.addListener((o, was, now) -> {
            if (now && stale) {
                stale = false;
                rebuild.run();
            }
        });
    }

    /** The content's data changed. */
    void request() {
        if (showing == null || showing.get()) {
            stale = false;
            rebuild.run();
        } else {
            stale = true;
        }
    }
}
