package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every condition type on its edge values, through the router (so the trace is checked as well). */
class ConditionsTest {

    private final Fakes.Env env = new Fakes.Env();
    private final Router router = env.router();

    private boolean holds(Condition c, String prompt) {
        return holds(c, new RouteRequest(prompt, Map.of()));
    }

    private boolean holds(Condition c, RouteRequest request) {
        Decision d = router.decide(Fakes.oneRule(c), request);
        assertThat(d.trace().get(0).when().passed()).isEqualTo(d.targets().equals(List.of("yes")));
        return d.targets().equals(List.of("yes"));
    }

    @Test
    void promptCharactersCompareOnTheBoundary() {
        assertThat(holds(new Condition.PromptChars(Op.GE, 5), "abcde")).isTrue();
        assertThat(holds(new Condition.PromptChars(Op.GT, 5), "abcde")).isFalse();
        assertThat(holds(new Condition.PromptChars(Op.LT, 1), "")).isTrue();
        assertThat(holds(new Condition.PromptChars(Op.EQ, 2), "😀é")).as("code points, not UTF-16 units").isTrue();
        assertThat(holds(new Condition.PromptChars(Op.NE, 2), "ab")).isFalse();
        assertThat(holds(new Condition.PromptChars(Op.LE, 2), "ab")).isTrue();
    }

    @Test
    void promptTokensUseTheNamedModelsCounter() {
        String prompt = "x".repeat(40);
        assertThat(holds(new Condition.PromptTokens(Op.EQ, 10, null), prompt)).isTrue();
        assertThat(holds(new Condition.PromptTokens(Op.EQ, 20, "some/model"), prompt)).isTrue();
        Decision d = router.decide(Fakes.oneRule(new Condition.PromptTokens(Op.GT, 10, null)), RouteRequest.of(prompt));
        assertThat(d.trace().get(0).when().observed()).isEqualTo("10");
        assertThat(d.features()).containsEntry("tokens", 10);
    }

    @Test
    void keywordsAreWholeWordsCaseInsensitiveAnyOrAll() {
        Condition any = new Condition.Keywords(List.of("refund", "step by step"), Condition.Match.ANY);
        assertThat(holds(any, "I want a REFUND now")).isTrue();
        assertThat(holds(any, "refunds are nice")).as("not a whole word").isFalse();
        assertThat(holds(any, "explain it Step By Step.")).isTrue();
        Condition all = new Condition.Keywords(List.of("refund", "order"), Condition.Match.ALL);
        assertThat(holds(all, "refund my order")).isTrue();
        assertThat(holds(all, "refund it")).isFalse();
        assertThat(holds(new Condition.Keywords(List.of(), Condition.Match.ANY), "anything")).isFalse();
    }

    @Test
    void regexFindsCaseSensitivityAndBadPatternsFailWithTheReason() {
        assertThat(holds(new Condition.Regex("\\border #\\d+", false), "where is order #123?")).isTrue();
        assertThat(holds(new Condition.Regex("ORDER", false), "order")).isFalse();
        assertThat(holds(new Condition.Regex("ORDER", true), "order")).isTrue();
        Decision bad = router.decide(Fakes.oneRule(new Condition.Regex("(unclosed", false)), RouteRequest.of("x"));
        assertThat(bad.targets()).containsExactly("no");
        assertThat(bad.trace().get(0).when().error()).contains("does not compile");
    }

    @Test
    void catastrophicRegexIsCutOffByTheTimeGuard() {
        Router fast = new Router(env.services(), 20_000_000L);
        String hostile = "a".repeat(5000) + "!";
        long t0 = System.nanoTime();
        Decision d = fast.decide(Fakes.oneRule(new Condition.Regex("^(a+)+$", false)), RouteRequest.of(hostile));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        assertThat(d.targets()).containsExactly("no");
        assertThat(d.trace().get(0).when().error()).contains("took too long");
    }

    @Test
    void regexSeesOnlyTheFirst20kCharacters() {
        String prompt = "x".repeat(SafeRegex.MAX_INPUT) + "needle";
        assertThat(holds(new Condition.Regex("needle", false), prompt)).isFalse();
        assertThat(holds(new Condition.Regex("needle", false), "x".repeat(SafeRegex.MAX_INPUT - 6) + "needle")).isTrue();
    }

    @Test
    void intentConfidenceAtTheThresholdHoldsAndANamedIntentMustBeInTheTopThree() {
        env.confidence = 0.6;
        assertThat(holds(new Condition.Intent("home", null, 0.6), "lights on")).isTrue();
        assertThat(holds(new Condition.Intent("home", null, 0.61), "lights on")).isFalse();
        assertThat(holds(new Condition.Intent("home", "lights_on", 0.5), "lights on")).isTrue();
        assertThat(holds(new Condition.Intent("home", "other", 0.5), "lights on")).as("other has 0.05").isFalse();
        assertThat(holds(new Condition.Intent("home", "missing", 0.0), "lights on")).as("absent = 0 ≥ 0").isTrue();
        Decision d = router.decide(Fakes.oneRule(new Condition.Intent("garden", null, 0.1)), RouteRequest.of("x"));
        assertThat(d.trace().get(0).when().error()).contains("no intent set garden");
    }

    @Test
    void similarityToANamedExampleSet() {
        Policy p = new Policy(1, "t", null, Map.of("greet", List.of("hello there friend")),
                List.of(new Rule("r", new Condition.Similarity("greet", 0.99), new Action.Route("yes"))),
                new Action.Route("no"));
        assertThat(router.decide(p, RouteRequest.of("Hello there, friend!")).targets()).containsExactly("yes");
        assertThat(router.decide(p, RouteRequest.of("quantum chromodynamics")).targets()).containsExactly("no");
        Decision unknown = router.decide(Fakes.oneRule(new Condition.Similarity("nope", 0.1)), RouteRequest.of("x"));
        assertThat(unknown.trace().get(0).when().error()).contains("no example set 'nope'");
    }

    @Test
    void complexityComparesTheScore() {
        // fake model: score = sigmoid(4 * ln(1+words)/5 + ... - 3): one word is low, a long question is high
        assertThat(holds(new Condition.Complexity(Op.LT, 0.5), "hi")).isTrue();
        String longOne = "Explain why and compare, step by step, the trade-offs of a design; and derive 3 + 4 = 7. ".repeat(10);
        assertThat(holds(new Condition.Complexity(Op.GE, 0.9), longOne)).isTrue();
        assertThat(holds(new Condition.Complexity(Op.GE, 0.0), "anything")).isTrue();
        assertThat(holds(new Condition.Complexity(Op.GT, 1.0), longOne)).isFalse();
    }

    @Test
    void hasCodeTrueAndFalse() {
        String code = "```java\nint x = 1;\n```";
        assertThat(holds(new Condition.HasCode(true), code)).isTrue();
        assertThat(holds(new Condition.HasCode(false), code)).isFalse();
        assertThat(holds(new Condition.HasCode(false), "Turn on the lights; it's dark.")).isTrue();
    }

    @Test
    void languageIsOneOfTheList() {
        assertThat(holds(new Condition.Language(List.of("en")), "What is the weather like today?")).isTrue();
        assertThat(holds(new Condition.Language(List.of("DE")), "Wie ist das Wetter heute, bitte?")).isTrue();
        assertThat(holds(new Condition.Language(List.of("en", "fr")), "Schalte das Licht an")).isFalse();
        assertThat(holds(new Condition.Language(List.of("unknown")), "12345")).isTrue();
    }

    @Test
    void networkReflectsTheStateAtDecisionTime() {
        Condition offline = new Condition.Network(Condition.Connectivity.OFFLINE);
        assertThat(holds(offline, "x")).isFalse();
        env.online.set(false);
        assertThat(holds(offline, "x")).isTrue();
        assertThat(holds(new Condition.Network(Condition.Connectivity.ONLINE), "x")).isFalse();
    }

    @Test
    void budgetComparesWhatIsLeft() {
        Condition spent = new Condition.Budget(10, Op.LE, 0);
        env.spent = 9.99;
        assertThat(holds(spent, "x")).isFalse();
        env.spent = 10.0;
        assertThat(holds(spent, "x")).isTrue();
        env.spent = 12.5;
        Decision d = router.decide(Fakes.oneRule(spent), RouteRequest.of("x"));
        assertThat(d.trace().get(0).when().observed()).startsWith("$-2.5000 left of $10.00");
    }

    @Test
    void metadataKeyAndValue() {
        RouteRequest voice = new RouteRequest("x", Map.of("channel", "voice"));
        assertThat(holds(new Condition.Metadata("channel", "voice"), voice)).isTrue();
        assertThat(holds(new Condition.Metadata("channel", "Voice"), voice)).isFalse();
        assertThat(holds(new Condition.Metadata("channel", null), voice)).isTrue();
        assertThat(holds(new Condition.Metadata("tier", null), voice)).isFalse();
    }

    @Test
    void combinatorsShortCircuitAndEmptyListsBehaveLikeLogic() {
        Condition yes = new Condition.PromptChars(Op.GE, 0);
        Condition no = new Condition.PromptChars(Op.LT, 0);
        assertThat(holds(new Condition.All(List.of()), "x")).isTrue();
        assertThat(holds(new Condition.Any(List.of()), "x")).isFalse();
        assertThat(holds(new Condition.All(List.of(yes, no)), "x")).isFalse();
        assertThat(holds(new Condition.Any(List.of(no, yes)), "x")).isTrue();
        assertThat(holds(new Condition.Not(no), "x")).isTrue();
        Decision d = router.decide(Fakes.oneRule(new Condition.Any(List.of(yes, no))), RouteRequest.of("x"));
        ConditionTrace any = d.trace().get(0).when();
        assertThat(any.children()).hasSize(1).extracting(ConditionTrace::path).containsExactly("/rules/0/when/any/0");
    }

    @Test
    void featuresAreComputedOnceAndTheEmbeddingOnlyWhenNeeded() {
        Policy cheap = Policy.of("p", List.of(
                new Rule("a", new Condition.PromptChars(Op.GT, 1000), new Action.Route("a")),
                new Rule("b", new Condition.Keywords(List.of("zzz"), null), new Action.Route("b"))), new Action.Route("c"));
        router.decide(cheap, RouteRequest.of("hello"));
        assertThat(env.embedder.calls.get()).isZero();
        Policy twice = Policy.of("p", List.of(
                new Rule("a", new Condition.Complexity(Op.GT, 0.99), new Action.Route("a")),
                new Rule("b", new Condition.Intent("home", null, 0.99), new Action.Route("b")),
                new Rule("c", new Condition.Intent("home", "lights_on", 0.99), new Action.Route("b")),
                new Rule("d", new Condition.Complexity(Op.GT, 0.98), new Action.Route("d"))), new Action.Route("c"));
        env.confidence = 0.1;
        router.decide(twice, RouteRequest.of("hello"));
        assertThat(env.embedder.calls.get()).isEqualTo(1);
        assertThat(env.intentCalls.get()).isEqualTo(1);
    }
}
