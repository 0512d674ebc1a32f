package dev.switchyard.app.replay.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How costs, rates and the savings sentence read on screen, in the terminal and in the HTML report. */
class WordingTest {

    private static Point point(String name, String kind, int passed, int graded, double cost, int unpriced) {
        return new Point(name, kind, graded, graded, passed, graded == 0 ? null : (double) passed / graded, cost,
                graded == 0 ? 0 : cost / graded * 1000, 10, 20, kind.equals("cloud") ? 1 : 0, 0, unpriced);
    }

    private static String savings(Point policy, Point cloud) {
        return Wording.savings(Savings.of(policy, List.of(cloud)));
    }

    @Test
    void aCostWithAnUnpricedPartReadsAtLeastOrUnknownNeverZero() {
        assertThat(Wording.cost(0.004, false)).isEqualTo("$0.00400");
        assertThat(Wording.cost(0, false)).isEqualTo("$0");
        assertThat(Wording.cost(0.004, true)).isEqualTo("at least $0.00400");
        assertThat(Wording.cost(0, true)).isEqualTo("cost unknown");
        assertThat(Wording.costPer1k(point("policy", "policy", 1, 4, 0.002, 2))).isEqualTo("at least $0.5000");
    }

    @Test
    void theTerminalsEstimateSaysCostUnknownForAnUnpricedModel() {
        var unpriced = new dev.switchyard.app.replay.engine.ReplayEstimate(4, 4, 0, 2, 0, 2, 0, 0, 0, 0,
                List.of("gpt-x"), 0, 256);
        assertThat(unpriced.sentence()).startsWith("4 items: 2 cloud calls (cost unknown), ").doesNotContain("$0")
                .endsWith("No price in force for gpt-x.");
        var partly = new dev.switchyard.app.replay.engine.ReplayEstimate(4, 4, 0, 2, 0, 2, 0.003, 0, 0, 0,
                List.of("gpt-x"), 0, 256);
        assertThat(partly.sentence()).startsWith("4 items: 2 cloud calls (at least $0.00300 for answers of 256 tokens), ");
        var priced = new dev.switchyard.app.replay.engine.ReplayEstimate(4, 4, 0, 2, 0, 2, 0.003, 0, 0, 0, List.of(), 0, 256);
        assertThat(priced.sentence()).startsWith("4 items: 2 cloud calls (≈ $0.00300 for answers of 256 tokens), ");
        var escalations = new dev.switchyard.app.replay.engine.ReplayEstimate(4, 4, 0, 1, 2, 1, 0.003, 0, 0, 0,
                List.of("gpt-x"), 0, 256);
        assertThat(escalations.sentence()).contains("plus up to 2 cascade escalations (cost unknown)");
    }

    @Test
    void aCostAxisWithNothingAboveZeroSaysWhy() {
        assertThat(Wording.costAxis(true, true, true)).isEqualTo("Cost per 1,000 prompts ($)");
        assertThat(Wording.costAxis(false, false, true)).isEqualTo("Cost per 1,000 prompts: $0 for all");
        assertThat(Wording.costAxis(false, true, false)).isEqualTo("Cost per 1,000 prompts: unknown (no price)");
        assertThat(Wording.costAxis(false, true, true)).isEqualTo("Cost per 1,000 prompts: $0 or unknown (no price)");
    }

    @Test
    void ratesAreWholePercentUnlessThatWouldMislead() {
        assertThat(Wording.rate(0.55, 0.1)).isEqualTo("55%");
        assertThat(Wording.rate(1.0, null)).isEqualTo("100%");
        assertThat(Wording.rate(0.996, 1.0)).isEqualTo("99.6%");
        assertThat(Wording.rate(0.004, null)).isEqualTo("0.4%");
        assertThat(Wording.rate(0.5549, 0.5501)).isEqualTo("55.5%"); // would both read 55%
        assertThat(Wording.rate(2.0 / 3, 0.5)).isEqualTo("67%");
    }

    @Test
    void theSavingsSentenceComparesPassRatesSideBySideNotAsARatio() {
        // the walkthrough's case: the policy passes 55%, all-cloud 10% (it read "550.0% of all-cloud's pass rate kept")
        Point cloud = point("all-cloud (gpt-x)", "cloud", 2, 20, 0.2, 0);
        assertThat(savings(point("policy", "policy", 11, 20, 0.05, 0), cloud))
                .isEqualTo("75% cheaper than all-cloud (gpt-x) at the same pass rate or better: passes 55% vs 10%.");
        // at ≥ 95% but below the reference
        assertThat(savings(point("policy", "policy", 19, 20, 0.1, 0), point("all-cloud (gpt-x)", "cloud", 20, 20, 0.2, 0)))
                .isEqualTo("50% cheaper than all-cloud (gpt-x) at ≥ 95% of its pass rate: passes 95% vs 100%.");
        // dearer
        assertThat(savings(point("policy", "policy", 20, 20, 0.3, 0), point("all-cloud (gpt-x)", "cloud", 20, 20, 0.2, 0)))
                .isEqualTo("50% more expensive than all-cloud (gpt-x) at the same pass rate or better: passes 100% vs 100%.");
        // below 95%
        assertThat(savings(point("policy", "policy", 10, 20, 0.08, 0), point("all-cloud (gpt-x)", "cloud", 16, 20, 0.2, 0)))
                .isEqualTo("Below 95% of all-cloud (gpt-x)'s pass rate: passes 50% vs 80% (cost 60% lower).");
        // costs unknown: no saving claimed, and not "the reference cost nothing"
        assertThat(savings(point("policy", "policy", 11, 20, 0, 9), point("all-cloud (gpt-x)", "cloud", 2, 20, 0, 20)))
                .isEqualTo("The policy passes 55% vs all-cloud (gpt-x) 10%; the saving is unknown: a model has no price.");
        assertThat(savings(point("policy", "policy", 5, 20, 0, 9), point("all-cloud (gpt-x)", "cloud", 16, 20, 0, 20)))
                .isEqualTo("Below 95% of all-cloud (gpt-x)'s pass rate: passes 25% vs 80% (cost unknown: a model has no price).");
        // a free reference
        assertThat(savings(point("policy", "policy", 20, 20, 0, 0), point("all-cloud (gpt-x)", "cloud", 20, 20, 0, 0)))
                .isEqualTo("The policy passes 100% vs all-cloud (gpt-x) 100%, which cost nothing: no saving to measure.");
        assertThat(Wording.savings(Savings.of(point("policy", "policy", 1, 2, 0, 0), List.of())))
                .isEqualTo("No graded cloud baseline to compare with.");
    }
}
