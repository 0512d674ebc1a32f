package dev.switchyard.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunCost;
import dev.switchyard.workspace.model.RunMetrics;
import dev.switchyard.workspace.model.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareStatsTest {

    static Run run(long modelId, RunStatus status, long ttft, long total, double tps, Double usd) {
        RunMetrics m = new RunMetrics(0L, ttft, total, 10L, null, 20L, null, tps, null, null, null);
        return Run.created(modelId, "p", "{}").finished(status, null, m,
                usd == null ? RunCost.NONE : RunCost.api(usd, 1), false, 1, null);
    }

    @Test
    void summarisesCompletedRunsAndProjectsCostPerThousand() {
        ModelStats s = ModelStats.of(1, "a", List.of(run(1, RunStatus.COMPLETED, 100, 1000, 50, 0.002),
                run(1, RunStatus.COMPLETED, 300, 3000, 30, 0.004), run(1, RunStatus.CANCELLED, 900, 9000, 10, 0.001)));
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.completed()).isEqualTo(2);
        assertThat(s.ttftMs().p50()).isEqualTo(100);
        assertThat(s.totalMs().max()).isEqualTo(3000);
        assertThat(s.costUsd().n()).isEqualTo(3);
        assertThat(s.costPer1000()).isCloseTo(1000 * (0.002 + 0.004 + 0.001) / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void marksFastestByP50TotalAndCheapestByMeanCost() {
        List<ModelStats> ranked = CompareStats.rank(List.of(
                ModelStats.of(1, "slow but cheap", List.of(run(1, RunStatus.COMPLETED, 100, 5000, 20, 0.001))),
                ModelStats.of(2, "fast", List.of(run(2, RunStatus.COMPLETED, 50, 800, 90, 0.01))),
                ModelStats.of(3, "no price", List.of(run(3, RunStatus.COMPLETED, 70, 2000, 40, null)))));
        assertThat(ranked).extracting(ModelStats::fastest).containsExactly(false, true, false);
        assertThat(ranked).extracting(ModelStats::cheapest).containsExactly(true, false, false);
        assertThat(ranked.get(2).costUsd()).isNull();
        assertThat(ranked.get(2).costPer1000()).isNull();
    }

    @Test
    void modelsTiedForTheBestFigureAreAllMarkedUnlessAllTie() {
        List<ModelStats> twoFree = CompareStats.rank(List.of(
                ModelStats.of(1, "local", List.of(run(1, RunStatus.COMPLETED, 100, 5000, 20, 0.0))),
                ModelStats.of(2, "intent", List.of(run(2, RunStatus.COMPLETED, 10, 20, 0, 0.0)))));
        assertThat(twoFree).extracting(ModelStats::cheapest).containsExactly(false, false);
        assertThat(twoFree).extracting(ModelStats::fastest).containsExactly(false, true);
        List<ModelStats> twoFreeOnePaid = CompareStats.rank(List.of(
                ModelStats.of(1, "local", List.of(run(1, RunStatus.COMPLETED, 100, 800, 20, 0.0))),
                ModelStats.of(2, "cloud", List.of(run(2, RunStatus.COMPLETED, 50, 900, 90, 0.01))),
                ModelStats.of(3, "intent", List.of(run(3, RunStatus.COMPLETED, 10, 800, 0, 0.0)))));
        assertThat(twoFreeOnePaid).extracting(ModelStats::cheapest).containsExactly(true, false, true);
        assertThat(twoFreeOnePaid).extracting(ModelStats::fastest).containsExactly(true, false, true);
    }

    @Test
    void anIntentModelThatMatchedNoIntentIsNotRankedThoughItIsFastAndFree() {
        String unsure = "{\"intent\":\"opening_hours\",\"confident\":false,\"confidence\":0.03}";
        String sure = "{\"intent\":\"lights_on\",\"confident\":true,\"confidence\":0.91}";
        List<ModelStats> ranked = CompareStats.rank(List.of(
                ModelStats.of(1, "cloud fast", List.of(run(1, RunStatus.COMPLETED, 50, 800, 90, 0.01))),
                ModelStats.of(2, "cloud cheap", List.of(run(2, RunStatus.COMPLETED, 90, 1600, 40, 0.001))),
                ModelStats.of(3, "intent", List.of(run(3, RunStatus.COMPLETED, 1, 5, 0, 0.0).withOutcome(unsure),
                        run(3, RunStatus.COMPLETED, 1, 6, 0, 0.0).withOutcome(unsure)))));
        assertThat(ranked.get(2).completed()).isEqualTo(2);
        assertThat(ranked.get(2).answered()).isZero();
        assertThat(ranked).extracting(ModelStats::fastest).containsExactly(true, false, false);
        assertThat(ranked).extracting(ModelStats::cheapest).containsExactly(false, true, false);

        // one matched intent: it answered, and is ranked on all its completed runs
        List<ModelStats> once = CompareStats.rank(List.of(
                ModelStats.of(1, "cloud fast", List.of(run(1, RunStatus.COMPLETED, 50, 800, 90, 0.01))),
                ModelStats.of(3, "intent", List.of(run(3, RunStatus.COMPLETED, 1, 5, 0, 0.0).withOutcome(unsure),
                        run(3, RunStatus.COMPLETED, 1, 6, 0, 0.0).withOutcome(sure)))));
        assertThat(once.get(1).answered()).isEqualTo(1);
        assertThat(once).extracting(ModelStats::fastest).containsExactly(false, true);
    }

    @Test
    void aSingleModelIsNeitherFastestNorCheapest() {
        List<ModelStats> ranked = CompareStats.rank(List.of(
                ModelStats.of(1, "only", List.of(run(1, RunStatus.COMPLETED, 100, 5000, 20, 0.001)))));
        assertThat(ranked.get(0).fastest()).isFalse();
        assertThat(ranked.get(0).cheapest()).isFalse();
    }

    @Test
    void failedRunsCountForNeitherTimesNorCost() {
        ModelStats s = ModelStats.of(1, "a", List.of(run(1, RunStatus.FAILED, 5, 5, 1, 0.0)));
        assertThat(s.totalMs()).isNull();
        assertThat(s.costUsd()).isNull();
        assertThat(Formats.usd(s.costPer1000())).isEqualTo("no price");
    }

    @Test
    void theFiguresTheStripLeavesOutReadAsOneLineOfThoseARunHas() {
        var local = new dev.switchyard.workspace.model.RunMetrics(808L, 148L, 4200L, 58L, null, 256L, null, 60.0, 392.0,
                1474L, 652_000_000L);
        assertThat(Formats.otherFigures(local).replace('\u00a0', ' '))
                .isEqualTo("load 1.5 s · queue 808 ms · prefill 392.0 tok/s · peak memory (engine process) 652 MB");
        assertThat(Formats.otherFigures(local)).as("a figure and its unit stay on one line").contains("1.5\u00a0s");
        var cloud = new dev.switchyard.workspace.model.RunMetrics(3L, 420L, 2000L, 1200L, 1024L, 300L, 120L, 80.0, null,
                null, null);
        assertThat(Formats.otherFigures(cloud)).as("a few ms of bookkeeping is no queue").isEqualTo("cached input 1,024 · reasoning 120");
        assertThat(Formats.otherFigures(dev.switchyard.workspace.model.RunMetrics.NONE)).isEmpty();
    }

    @Test
    void aRunsOutcomeReadsAsTheIntentMatchedACutAnswerOrTheModelServed() {
        String intent = "{\"finishReason\":\"intent\",\"intent\":\"lights_off\",\"confidence\":0.8234,\"confident\":true,"
                + "\"top3\":[{\"intent\":\"lights_off\",\"confidence\":0.8234},{\"intent\":\"lights_on\",\"confidence\":0.41},"
                + "{\"intent\":\"dim\",\"confidence\":0.001}]}";
        assertThat(Formats.outcome(intent, "intent:smart-home")).isEqualTo("intent lights_off 0.82 · then lights_on 0.41");
        assertThat(Formats.outcome("{\"finishReason\":\"no_confident_match\",\"intent\":\"faq\",\"confidence\":0.3,"
                + "\"confident\":false,\"top3\":[]}", null)).isEqualTo("no intent matched (closest faq 0.30)");
        assertThat(Formats.outcome("{\"finishReason\":\"length\",\"servedModel\":\"gpt-4o-mini-2024-07-18\"}", "gpt-4o-mini"))
                .isEqualTo("cut at the max-tokens limit · served by gpt-4o-mini-2024-07-18");
        assertThat(Formats.outcome("{\"finishReason\":\"max_tokens\"}", null)).isEqualTo("cut at the max-tokens limit");
        assertThat(Formats.outcome("{\"finishReason\":\"stop\",\"servedModel\":\"gpt-4o-mini\"}", "gpt-4o-mini"))
                .as("an answer that ended by itself, from the model asked for, has nothing to add").isEmpty();
        assertThat(Formats.outcome(null, null)).isEmpty();
        assertThat(Formats.outcome("not json", null)).isEmpty();
    }
}
