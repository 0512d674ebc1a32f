package dev.switchyard.app.replay.results;

import java.util.Locale;

/**
 * How a replay's money and rates read, the same on the Replay screen, in the terminal and in the HTML report: a cost
 * that is partly unknown (a model without a price answered) reads "at least $X", or "cost unknown" when nothing of
 * it is known — never "$0"; the savings sentence compares pass rates side by side ("passes 55% vs all-cloud (x) 10%")
 * rather than as a ratio, which read "550% kept" when the reference passed little.
 */
public final class Wording {

    /** What an unknown cost reads. */
    public static final String COST_UNKNOWN = "cost unknown";

    private Wording() {
    }

    /** Dollars: "$0", "$0.00400" below a cent, else "$1.2345". */
    public static String usd(double v) {
        return v == 0 ? "$0" : v < 0.01 ? String.format(Locale.ROOT, "$%.5f", v)
                : String.format(Locale.ROOT, "$%,.4f", v);
    }

    /** A cost: "$X", "at least $X" when part of it is unknown, "cost unknown" when only that part would be 0. */
    public static String cost(double usd, boolean partlyUnknown) {
        if (!partlyUnknown) {
            return usd(usd);
        }
        return usd > 0 ? "at least " + usd(usd) : COST_UNKNOWN;
    }

    /** A point's cost in total. */
    public static String cost(Point p) {
        return cost(p.costUsd(), p.costPartial());
    }

    /** A point's cost per 1,000 prompts. */
    public static String costPer1k(Point p) {
        return cost(p.costPer1k(), p.costPartial());
    }

    /**
     * The title of a chart's cost axis ("Cost per 1,000 prompts ($)"), or, when no point costs more than $0, why the
     * axis has no scale: every cost $0, unknown (no price), or either.
     */
    public static String costAxis(boolean anyAboveZero, boolean anyUnknown, boolean anyKnown) {
        if (anyAboveZero) {
            return "Cost per 1,000 prompts ($)";
        }
        return anyUnknown && anyKnown ? "Cost per 1,000 prompts: $0 or unknown (no price)"
                : anyUnknown ? "Cost per 1,000 prompts: unknown (no price)" : "Cost per 1,000 prompts: $0 for all";
    }

    /** A share with one decimal: "55.0%" ("—" for none). */
    public static String pct(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /**
     * A rate in whole percent ("55%"), with one decimal where whole percent would mislead: a value that is not 0 or
     * 1 but would round to "0%" or "100%", or that would read the same as {@code other} while differing from it.
     */
    public static String rate(Double v, Double other) {
        if (v == null) {
            return "—";
        }
        long whole = Math.round(v * 100);
        boolean edge = (whole == 0 && v > 0) || (whole == 100 && v < 1);
        boolean same = other != null && whole == Math.round(other * 100) && Math.abs(v - other) > 1e-9;
        return edge || same ? String.format(Locale.ROOT, "%.1f%%", v * 100) : whole + "%";
    }

    /**
     * The policy against the all-cloud reference: its pass rate beside the reference's, and the saving where there
     * is one to claim (at ≥ 95% of the reference's pass rate, both costs known, the reference not free).
     */
    public static String savings(Savings s) {
        if (s.reference() == null) {
            return "No graded cloud baseline to compare with.";
        }
        if (s.policyPassRate() == null) {
            return "Nothing the policy answered was graded, so its quality cannot be compared with " + s.reference()
                    + ".";
        }
        Double p = s.policyPassRate();
        Double r = s.referencePassRate();
        String both = rate(p, r) + " vs " + rate(r, p);
        if (!s.meets95()) {
            String cost = s.costUnknown() ? " (cost unknown: a model has no price)"
                    : s.costReduction() == null ? "" : " (cost " + change(s.costReduction(), "lower", "higher") + ")";
            return "Below 95% of " + s.reference() + "'s pass rate: passes " + both + cost + ".";
        }
        String sideBySide = "The policy passes " + rate(p, r) + " vs " + s.reference() + " " + rate(r, p);
        if (s.costUnknown()) {
            return sideBySide + "; the saving is unknown: a model has no price.";
        }
        if (s.costReductionAt95() == null) {
            return sideBySide + ", which cost nothing: no saving to measure.";
        }
        String quality = p >= r ? "at the same pass rate or better" : "at ≥ 95% of its pass rate";
        return change(s.costReductionAt95(), "cheaper", "more expensive") + " than " + s.reference() + " " + quality
                + ": passes " + both + ".";
    }

    /** "40% lower" / "12% higher", with one decimal under 1%. */
    private static String change(double reduction, String less, String more) {
        double v = Math.abs(reduction) * 100;
        String n = v > 0 && v < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v));
        return n + "% " + (reduction >= 0 ? less : more);
    }
}
