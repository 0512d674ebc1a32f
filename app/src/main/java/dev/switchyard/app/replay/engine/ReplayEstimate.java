package dev.switchyard.app.replay.engine;

/**
 * What a replay will do before it calls anything, for the user to confirm.
 *
 * @param items              items in the dataset
 * @param itemsToDo          items not finished yet (all, unless resuming)
 * @param cachedAnswers      answers that will come from stored runs
 * @param cloudCalls         cloud calls that will certainly be made
 * @param cloudCallsIfEscalated cloud calls a cascade may add when the local answer is not kept (upper bound)
 * @param localCalls         local model calls (no API cost)
 * @param estimatedCostUsd   estimated cost of the certain cloud calls, from token estimates and prices in force
 * @param escalationCostUsd  estimated cost of the possible cascade escalations
 * @param judgeCalls         LLM-as-judge calls (one per graded answer when the judge grades)
 * @param judgeCostUsd       their estimated cost, shown apart
 * @param unpricedModels     cloud models with live calls but no price in force (their cost is unknown, not 0)
 * @param missingAnswers     answers that cannot be had (cached-only with no stored run)
 * @param outputTokensPerAnswer output tokens the estimate counts for each cloud answer: the max-tokens parameter,
 *                           or {@value Estimator#DEFAULT_OUTPUT_TOKENS} when it is not set (answers are usually
 *                           shorter, so the estimate is usually high)
 */
public record ReplayEstimate(int items, int itemsToDo, int cachedAnswers, int cloudCalls, int cloudCallsIfEscalated,
                             int localCalls, double estimatedCostUsd, double escalationCostUsd, int judgeCalls,
                             double judgeCostUsd, java.util.List<String> unpricedModels, int missingAnswers,
                             int outputTokensPerAnswer) {

    /** True when starting would spend money or call a model: the user must confirm first. */
    public boolean needsConfirmation() {
        return cloudCalls + cloudCallsIfEscalated + judgeCalls > 0;
    }

    /**
     * "≈ $X"; with a model that has no price, "at least $X" or "cost unknown" (an unpriced model's calls cost an
     * unknown amount, not $0; the same words as the Replay screen's).
     */
    /** What the cost counts as output, when there is a cost to read: " for answers of 256 tokens". */
    public String basis() {
        return cloudCalls == 0 || (estimatedCostUsd == 0 && !unpricedModels.isEmpty()) ? ""
                : " for answers of " + outputTokensPerAnswer + " tokens";
    }

    private String approx(double usd) {
        String cost = dev.switchyard.app.replay.results.Wording.cost(usd, !unpricedModels.isEmpty());
        return cost.startsWith("$") ? "≈ " + cost : cost;
    }

    public String sentence() {
        if (!needsConfirmation()) {
            return String.format(java.util.Locale.ROOT, "%d items, %d answers from stored runs, %d local calls, no cloud"
                    + " call.", itemsToDo, cachedAnswers, localCalls);
        }
        return String.format(java.util.Locale.ROOT, "%d items: %d cloud calls (%s)%s%s, %d answers from stored"
                + " runs, %d local calls.", itemsToDo, cloudCalls, approx(estimatedCostUsd) + basis(),
                cloudCallsIfEscalated > 0 ? String.format(java.util.Locale.ROOT, " plus up to %d cascade escalations"
                        + " (%s)", cloudCallsIfEscalated, approx(escalationCostUsd)) : "",
                judgeCalls > 0 ? String.format(java.util.Locale.ROOT, ", %d judge calls (%s, shown apart)",
                        judgeCalls, approx(judgeCostUsd)) : "", cachedAnswers, localCalls)
                + (unpricedModels.isEmpty() ? "" : " No price in force for " + String.join(", ", unpricedModels) + ".");
    }
}
