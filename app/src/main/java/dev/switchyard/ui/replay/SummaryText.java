package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.results.Savings;
import dev.switchyard.ui.replay.ItemRow.Format;

/** Sentences about a replay's figures, the same on screen and in the report. */
public final class SummaryText {

    private SummaryText() {
    }

    /** Savings versus the all-cloud reference at ≥ 95% of its pass rate. */
    public static String savings(Savings s) {
        if (s.reference() == null) {
            return "No graded cloud baseline to compare with.";
        }
        String kept = Format.pct(s.qualityKept()) + " of " + s.reference() + "'s pass rate ("
                + Format.pct(s.referencePassRate()) + ") kept";
        if (s.meets95() && s.costReductionAt95() != null) {
            return Format.pct(s.costReductionAt95()) + " cheaper at ≥ 95% quality — " + kept + ".";
        }
        if (s.costReduction() == null) {
            return kept + "; the reference cost nothing, so there is no saving to measure.";
        }
        return "Below 95% quality: " + kept + " (cost " + Format.pct(s.costReduction()) + " lower).";
    }
}
