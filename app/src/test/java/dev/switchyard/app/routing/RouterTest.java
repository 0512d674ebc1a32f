package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule order, the default, the trace and the actions' targets. */
class RouterTest {

    private final Fakes.Env env = new Fakes.Env();
    private final Router router = env.router();

    @Test
    void firstMatchWinsLaterRulesAreNotReachedAndTheTraceSaysWhy() {
        Policy p = Policy.of("p", List.of(
                new Rule("long", new Condition.PromptChars(Op.GT, 100), new Action.Route("big")),
                new Rule("refund", new Condition.Keywords(List.of("refund"), null), new Action.Route("support")),
                new Rule("any", null, new Action.Route("never"))), new Action.Route("default"));

        Decision d = router.decide(p, RouteRequest.of("I need a refund"));

        assertThat(d.targets()).containsExactly("support");
        assertThat(d.ruleIndex()).isEqualTo(1);
        assertThat(d.ruleName()).isEqualTo("refund");
        assertThat(d.trace()).extracting(RuleTrace::reached).containsExactly(true, true, false);
        assertThat(d.trace()).extracting(RuleTrace::matched).containsExactly(false, true, false);
        assertThat(d.trace().get(0).when().observed()).isEqualTo("15");
        assertThat(d.trace().get(0).micros()).isGreaterThanOrEqualTo(0);
        assertThat(d.why()).contains("Rule 2 (refund)").contains("found [refund]").contains("route → support");
    }

    @Test
    void noMatchTakesTheDefault() {
        Policy p = Policy.of("p", List.of(new Rule(null, new Condition.PromptChars(Op.GT, 100), new Action.Route("big"))),
                new Action.Route("small"));
        Decision d = router.decide(p, RouteRequest.of("hi"));
        assertThat(d.ruleIndex()).isEqualTo(-1);
        assertThat(d.targets()).containsExactly("small");
        assertThat(d.why()).startsWith("No rule matched; default: route → small");
    }

    @Test
    void cascadeAndFallbackListTheirTargetsInOrder() {
        Action.Cascade cascade = new Action.Cascade("local", new Action.AcceptIf(0.6, null, null), "cloud");
        assertThat(router.decide(Policy.of("p", List.of(), cascade), RouteRequest.of("x")).targets())
                .containsExactly("local", "cloud");
        Action.Fallback fb = new Action.Fallback(List.of("a", "b", "c"), new Action.On(true, null, 1500L));
        assertThat(router.decide(Policy.of("p", List.of(), fb), RouteRequest.of("x")).targets())
                .containsExactly("a", "b", "c");
    }

    @Test
    void splitIsReproducibleAndFollowsTheWeights() {
        Action.Split split = new Action.Split(List.of(new Action.Share("a", 70), new Action.Share("b", 30)), 7L);
        Policy p = Policy.of("p", List.of(), split);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            String prompt = "prompt number " + i;
            String first = router.decide(p, RouteRequest.of(prompt)).targets().get(0);
            assertThat(router.decide(p, RouteRequest.of(prompt)).targets()).containsExactly(first);
            counts.merge(first, 1, Integer::sum);
        }
        assertThat(counts.get("a")).isBetween(1300, 1500);
        assertThat(counts.get("b")).isBetween(500, 700);
        Policy other = Policy.of("p", List.of(), new Action.Split(split.weights(), 8L));
        long differ = java.util.stream.IntStream.range(0, 200).filter(i -> !router.decide(p, RouteRequest.of("q" + i))
                .targets().equals(router.decide(other, RouteRequest.of("q" + i)).targets())).count();
        assertThat(differ).as("another seed gives another assignment").isPositive();
    }

    @Test
    void splitEdgeWeights() {
        Action.Split all = new Action.Split(List.of(new Action.Share("a", 0), new Action.Share("b", 100)), 1L);
        for (int i = 0; i < 100; i++) {
            assertThat(Router.SplitChooser.choose(all, "p" + i)).isEqualTo("b");
        }
        assertThat(Router.SplitChooser.bucket(1, "x")).isBetween(0, 99);
    }

    @Test
    void aPolicyWithoutDefaultRoutesNowhereAndSaysSo() {
        Decision d = router.decide(new Policy(1, "p", null, null, List.of(), null), RouteRequest.of("x"));
        assertThat(d.targets()).isEmpty();
        assertThat(d.why()).contains("no default");
    }

    @Test
    void theDecisionSerialisesWithItsTrace() throws Exception {
        Policy p = Policy.of("p", List.of(new Rule("r", new Condition.Not(new Condition.HasCode(true)),
                new Action.Route("x"))), new Action.Route("y"));
        var json = PolicyJson.mapper().readTree(PolicyJson.toJson(router.decide(p, RouteRequest.of("hello"))));
        assertThat(json.path("policy").asText()).isEqualTo("p");
        assertThat(json.path("action").path("type").asText()).isEqualTo("route");
        assertThat(json.path("trace").get(0).path("when").path("children").get(0).path("path").asText())
                .isEqualTo("/rules/0/when/not");
        assertThat(json.path("features").path("has_code").asBoolean()).isFalse();
    }
}
