package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of problem is reported at its exact path. */
class PolicyValidatorTest {

    private final ValidationContext workspace = new ValidationContext() {
        @Override
        public String targetProblem(String target) {
            return List.of("cheap", "strong", "local").contains(target) ? null : "No model '" + target + "'.";
        }

        @Override
        public boolean intentSetExists(String name) {
            return name.equals("home");
        }
    };
    private final PolicyValidator validator = new PolicyValidator(workspace);

    private List<Problem> check(Policy p) {
        return validator.validate(p);
    }

    private static Policy rules(Action fallback, Rule... rules) {
        return new Policy(1, "p", null, Map.of("faq", List.of("a")), List.of(rules), fallback);
    }

    private static Rule rule(Condition c, Action a) {
        return new Rule(null, c, a);
    }

    @Test
    void aValidPolicyHasNoProblems() {
        assertThat(check(rules(new Action.Route("cheap"), rule(new Condition.Intent("home", null, 0.6),
                new Action.Route("local"))))).isEmpty();
    }

    @Test
    void unknownModelsAreReportedWhereTheyAre() {
        Policy p = rules(new Action.Route("gpt-9"),
                rule(null, new Action.Fallback(List.of("cheap", "nope"), null)));
        assertThat(check(p)).extracting(Problem::path).containsExactly("/rules/0/then/chain/1", "/default/target");
        assertThat(check(p).get(0).message()).contains("nope");
    }

    /** What only this workspace lacks (models, roles, intent sets) is apart from what is wrong in any workspace. */
    @Test
    void problemsInAnyWorkspaceLeaveOutWhatOnlyThisWorkspaceLacks() {
        Policy lacking = rules(new Action.Route("$cloud-strong"),
                rule(new Condition.Intent("office", null, 0.6), new Action.Route("gpt-9")),
                rule(new Condition.PromptTokens(Op.GT, 10, "claude-9"), new Action.Fallback(List.of("cheap", "nope"), null)));
        assertThat(check(lacking)).extracting(Problem::path).containsExactly("/rules/0/when/intent_set",
                "/rules/0/then/target", "/rules/1/when/model", "/rules/1/then/chain/1", "/default/target");
        assertThat(PolicyValidator.problemsInAnyWorkspace(lacking)).isEmpty();

        Policy broken = rules(new Action.Route("gpt-9"), rule(new Condition.Regex("(", false), new Action.Route("cheap")),
                rule(new Condition.PromptTokens(Op.GT, 10, " "), new Action.Route("cheap")));
        assertThat(PolicyValidator.problemsInAnyWorkspace(broken)).extracting(Problem::path)
                .containsExactly("/rules/0/when/pattern", "/rules/1/when/model");
        // every problem found with no workspace is found with one too
        assertThat(check(broken)).containsAll(PolicyValidator.problemsInAnyWorkspace(broken)).hasSize(3);
    }

    @Test
    void aRuleAfterOneThatAlwaysMatchesIsShadowed() {
        Policy p = rules(new Action.Route("cheap"),
                rule(new Condition.PromptChars(Op.GT, 5), new Action.Route("cheap")),
                rule(new Condition.All(List.of()), new Action.Route("strong")),
                rule(new Condition.HasCode(true), new Action.Route("local")),
                rule(new Condition.Not(new Condition.Any(List.of(new Condition.HasCode(true)))), new Action.Route("local")));
        assertThat(check(p)).extracting(Problem::path).containsExactly("/rules/2", "/rules/3");
        assertThat(check(p).get(0).message()).contains("rule 2 (/rules/1) always matches");
        assertThat(check(rules(new Action.Route("cheap"), rule(new Condition.Not(new Condition.Any(List.of())),
                new Action.Route("cheap")), rule(null, new Action.Route("cheap"))))).extracting(Problem::path)
                .contains("/rules/1");
    }

    @Test
    void splitWeightsMustSumTo100() {
        Policy p = rules(new Action.Split(List.of(new Action.Share("cheap", 60), new Action.Share("strong", 30)), 1L));
        assertThat(check(p)).extracting(Problem::path).containsExactly("/default/weights");
        assertThat(check(p).get(0).message()).contains("sum to 90");
        Policy negative = rules(new Action.Split(List.of(new Action.Share("cheap", 110), new Action.Share("strong", -10)), 1L));
        assertThat(check(negative)).extracting(Problem::path)
                .containsExactly("/default/weights/0/weight", "/default/weights/1/weight");
        assertThat(check(rules(new Action.Split(List.of(), 1L)))).extracting(Problem::path).containsExactly("/default/weights");
    }

    @Test
    void anEmptyChainAndAChainThatNeverMovesOn() {
        assertThat(check(rules(new Action.Fallback(List.of(), null)))).extracting(Problem::path)
                .containsExactly("/default/chain");
        assertThat(check(rules(new Action.Fallback(List.of("cheap"), new Action.On(false, null, null)))))
                .extracting(Problem::path).containsExactly("/default/on");
        assertThat(check(rules(new Action.Fallback(List.of("cheap"), new Action.On(true, 0L, -5L)))))
                .extracting(Problem::path).containsExactly("/default/on/timeout_ms", "/default/on/ttft_over_ms");
    }

    @Test
    void regexesThatDoNotCompileInConditionsAndAcceptIf() {
        Policy p = rules(new Action.Cascade("local", new Action.AcceptIf(null, "[a-", null), "cheap"),
                rule(new Condition.Any(List.of(new Condition.HasCode(true), new Condition.Regex("(x", false))),
                        new Action.Route("cheap")));
        assertThat(check(p)).extracting(Problem::path)
                .containsExactly("/rules/0/when/any/1/pattern", "/default/accept_if/regex");
        assertThat(check(p).get(0).message()).contains("does not compile");
    }

    @Test
    void thresholdsOutOfRange() {
        Policy p = rules(new Action.Cascade("local", new Action.AcceptIf(1.5, null, 0), "cheap"),
                rule(new Condition.All(List.of(
                        new Condition.Intent("home", null, -0.1),
                        new Condition.Complexity(Op.GT, 2),
                        new Condition.Similarity("faq", 1.2),
                        new Condition.PromptTokens(Op.GT, -1, null),
                        new Condition.Budget(-5, Op.LT, Double.NaN))), new Action.Route("cheap")));
        assertThat(check(p)).extracting(Problem::path).containsExactly(
                "/rules/0/when/all/0/min_confidence", "/rules/0/when/all/1/value", "/rules/0/when/all/2/min_similarity",
                "/rules/0/when/all/3/value", "/rules/0/when/all/4/limit_usd", "/rules/0/when/all/4/value",
                "/default/accept_if/min_confidence", "/default/accept_if/max_tokens");
    }

    @Test
    void missingPartsAndUnknownSets() {
        Policy p = new Policy(1, "p", null, Map.of(), java.util.Arrays.asList(
                new Rule(null, new Condition.Any(List.of(new Condition.Intent("garden", null, 0.5),
                        new Condition.Similarity("nope", 0.5))), null),
                null,
                new Rule(null, new Condition.Not(null), new Action.Cascade("local", null, "cheap")),
                new Rule(null, new Condition.Keywords(List.of(" "), null), new Action.Route(" "))), null);
        assertThat(check(p)).extracting(Problem::path).containsExactly(
                "/rules/0/when/any/0/intent_set", "/rules/0/when/any/1/example_set", "/rules/0/then",
                "/rules/1", "/rules/2/when/not", "/rules/2/then/accept_if", "/rules/3/when/words", "/rules/3/then/target",
                "/default");
    }

    @Test
    void jsonProblemsComeThroughValidateToo() {
        assertThat(validator.validate("{\"schema_version\":1,\"rules\":[{\"when\":{\"type\":\"regex\",\"pattern\":\"(\"},"
                + "\"then\":{\"type\":\"route\",\"target\":\"cheap\"}}],\"default\":{\"type\":\"route\",\"target\":\"cheap\"}}"))
                .extracting(Problem::path).containsExactly("/rules/0/when/pattern");
        assertThat(validator.validate("{\"schema_version\":1,\"rules\":[{\"then\":{\"type\":\"teleport\"}}]}"))
                .extracting(Problem::path).containsExactly("/rules/0/then");
    }
}
