package dev.switchyard.app.compare;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.util.List;

/**
 * The figures of one model over the repeats of a comparison. Only completed runs count for times and
 * speed (a stopped run's total time says nothing about the model); cost counts every run that was billed.
 *
 * @param modelId      workspace model id
 * @param label        what the user sees (the model's name, or "Model A" in blind mode)
 * @param runs         runs made (any status)
 * @param completed    runs that completed
 * @param ttftMs       time to first token, ms
 * @param totalMs      dispatch → last event, ms
 * @param tokensPerSec decode tokens/s
 * @param costUsd      cost per run in USD, null when no run had a price
 * @param costPer1000  projected USD for 1,000 such prompts (mean cost × 1,000), null when unknown
 * @param fastest      lowest p50 total time among the models compared
 * @param cheapest     lowest mean cost among the models with a known cost
 */
public record ModelStats(long modelId, String label, int runs, int completed, Summary ttftMs, Summary totalMs,
                         Summary tokensPerSec, Summary costUsd, Double costPer1000, boolean fastest, boolean cheapest) {

    /** Figures of one model's runs (not yet ranked against the others). */
    public static ModelStats of(long modelId, String label, List<Run> runs) {
        List<Run> done = runs.stream().filter(r -> r.status() == RunStatus.COMPLETED).toList();
        Summary ttft = Summary.of(done.stream().map(r -> r.metrics().ttftMs()).toList());
        Summary total = Summary.of(done.stream().map(r -> r.metrics().totalMs()).toList());
        Summary tps = Summary.of(done.stream().map(r -> r.metrics().decodeTps()).toList());
        Summary cost = Summary.of(runs.stream().filter(r -> r.status() != RunStatus.FAILED)
                .map(r -> r.cost().usd()).toList());
        return new ModelStats(modelId, label, runs.size(), done.size(), ttft, total, tps, cost,
                cost == null ? null : cost.mean() * 1000, false, false);
    }

    ModelStats ranked(boolean isFastest, boolean isCheapest) {
        return new ModelStats(modelId, label, runs, completed, ttftMs, totalMs, tokensPerSec, costUsd, costPer1000,
                isFastest, isCheapest);
    }
}
