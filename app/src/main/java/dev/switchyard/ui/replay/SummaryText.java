package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.results.Savings;
import dev.switchyard.app.replay.results.Wording;

/** Sentences about a replay's figures, the same on screen and in the report. */
public final class SummaryText {

    private SummaryText() {
    }

    /** Savings versus the all-cloud reference at ≥ 95% of its pass rate (pass rates side by side, not as a ratio). */
    public static String savings(Savings s) {
        return Wording.savings(s);
    }
}
