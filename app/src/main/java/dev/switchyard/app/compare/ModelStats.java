package dev.switchyard.app.compare;

import dev.switchyard.app.routing.RoutedResult;
import dev.switchyard.app.run.RunOutcome;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.util.List;

/**
 * The figures of one pane over the repeats of a comparison: a model's runs, or the routed requests of an
 * "Auto: &lt;policy&gt;" pane. Only completed samples count for times and speed (a stopped run's total time
 * says nothing about the model); cost counts every sample that was billed.
 *
 * @param key          the pane's key (its position in the comparison)
 * @param label        what the user sees (the model's name, or "Model A" in blind mode)
 * @param runs         runs made (any status)
 * @param completed    runs that completed
 * @param answered     of those, runs whose reply is an answer (not the intent model's fallback: no intent matched);
 *                     a model that answered none is not marked fastest or cheapest
 * @param ttftMs       time to first token, ms
 * @param totalMs      dispatch → last event, ms
 * @param tokensPerSec decode tokens/s
 * @param costUsd      cost per run in USD, null when no run had a price
 * @param costPer1000  projected USD for 1,000 such prompts (mean cost × 1,000), null when unknown
 * @param fastest      lowest p50 total time among the models compared
 * @param cheapest     lowest mean cost among the models with a known cost
 */
public record ModelStats(long key, String label, int runs, int completed, int answered, Summary ttftMs, Summary totalMs,
                         Summary tokensPerSec, Summary costUsd, Double costPer1000, boolean fastest, boolean cheapest) {

    /**
     * One repeat's figures.
     *
     * @param completed whether it gave a full answer
     * @param answered  whether that answer is one (the intent model's fallback reply, with no intent matched, is not)
     * @param billed    whether its cost counts (every outcome but a failure)
     * @param ttftMs    time to the first token of the answer
     * @param totalMs   start to last event
     * @param tps       decode tokens/s of the answer
     * @param costUsd   what it cost, null when unpriced
     */
    public record Sample(boolean completed, boolean answered, boolean billed, Long ttftMs, Long totalMs, Double tps,
                         Double costUsd) {

        public static Sample of(Run r) {
            RunMetrics m = r.metrics();
            boolean completed = r.status() == RunStatus.COMPLETED;
            return new Sample(completed, completed && !RunOutcome.noConfidentIntent(r.outcomeJson()),
                    r.status() != RunStatus.FAILED, m.ttftMs(), m.totalMs(),
                    m.decodeTps(), r.cost().usd());
        }

        /**
         * A routed request as one sample: its whole wall time and the sum of its runs' costs (a cascade that
         * escalated pays for both); its time to first token is the wait until the answer's first token
         * (earlier steps included); its speed is the answer's.
         */
        public static Sample of(RoutedResult r) {
            Run a = r.answer();
            RunMetrics m = a == null ? null : a.metrics();
            Long ttft = m == null || m.ttftMs() == null || m.totalMs() == null ? null
                    : Math.max(0, r.totalMs() - (m.totalMs() - m.ttftMs()));
            boolean billed = r.steps().stream().anyMatch(s -> s.run() != null && s.run().status() != RunStatus.FAILED);
            return new Sample(r.ok(), r.ok() && !RunOutcome.noConfidentIntent(a.outcomeJson()), billed, ttft, r.totalMs(),
                    m == null ? null : m.decodeTps(), r.totalCostUsd());
        }
    }

    /** Figures of one model's runs (not yet ranked against the others). */
    public static ModelStats of(long key, String label, List<Run> runs) {
        return ofSamples(key, label, runs.stream().map(Sample::of).toList());
    }

    /** Figures of one pane's samples (not yet ranked against the others). */
    public static ModelStats ofSamples(long key, String label, List<Sample> samples) {
        List<Sample> done = samples.stream().filter(Sample::completed).toList();
        Summary ttft = Summary.of(done.stream().map(Sample::ttftMs).toList());
        Summary total = Summary.of(done.stream().map(Sample::totalMs).toList());
        Summary tps = Summary.of(done.stream().map(Sample::tps).toList());
        Summary cost = Summary.of(samples.stream().filter(Sample::billed).map(Sample::costUsd).toList());
        return new ModelStats(key, label, samples.size(), done.size(), (int) samples.stream().filter(Sample::answered).count(),
                ttft, total, tps, cost,
                cost == null ? null : cost.mean() * 1000, false, false);
    }

    ModelStats ranked(boolean isFastest, boolean isCheapest) {
        return new ModelStats(key, label, runs, completed, answered, ttftMs, totalMs, tokensPerSec, costUsd, costPer1000,
                isFastest, isCheapest);
    }
}
