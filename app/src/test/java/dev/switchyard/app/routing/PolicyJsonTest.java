package dev.switchyard.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JSON round trip of every type, and hostile input: never an uncaught exception, always a problem with a path. */
class PolicyJsonTest {

    private static final String PUNCT = "{}[]\":,0123456789eE-\\\u0000x";

    /** A policy using every condition and action type. */
    static Policy everything() {
        return new Policy(1, "all", "every type", Map.of("faq", List.of("how do I reset my password")), List.of(
                new Rule("tokens", new Condition.PromptTokens(Op.GT, 200, "OpenAI/gpt-4o-mini"), new Action.Route("a")),
                new Rule("chars", new Condition.PromptChars(Op.LE, 10), new Action.Route("b")),
                new Rule("kw", new Condition.Keywords(List.of("refund", "money back"), Condition.Match.ALL),
                        new Action.Cascade("local", new Action.AcceptIf(0.6, "\\w+", 200), "cloud")),
                new Rule("re", new Condition.Regex("^\\d+$", true), new Action.Fallback(List.of("a", "b"),
                        new Action.On(true, 30_000L, 1500L))),
                new Rule("mix", new Condition.All(List.of(
                        new Condition.Intent("home", "lights_on", 0.7),
                        new Condition.Any(List.of(new Condition.Similarity("faq", 0.5), new Condition.Complexity(Op.GE, 0.6))),
                        new Condition.Not(new Condition.HasCode(true)),
                        new Condition.Language(List.of("en", "de")),
                        new Condition.Network(Condition.Connectivity.OFFLINE),
                        new Condition.Budget(20, Op.LT, 1.5),
                        new Condition.Metadata("channel", "voice"))),
                        new Action.Split(List.of(new Action.Share("a", 60), new Action.Share("b", 40)), 99L))),
                new Action.Route("default"));
    }

    @Test
    void everyTypeRoundTrips() throws Exception {
        Policy p = everything();
        String json = PolicyJson.write(p);
        PolicyJson.Parsed back = PolicyJson.parse(json);
        assertThat(back.problems()).isEmpty();
        assertThat(back.policy()).isEqualTo(p);
        JsonNode tree = PolicyJson.mapper().readTree(json);
        assertThat(tree.path("schema_version").asInt()).isEqualTo(1);
        assertThat(tree.at("/rules/4/when/all/1/any/0/example_set").asText()).isEqualTo("faq");
        assertThat(tree.at("/rules/3/then/on/ttft_over_ms").asLong()).isEqualTo(1500);
        assertThat(tree.at("/rules/2/then/accept_if/min_confidence").asDouble()).isEqualTo(0.6);
        assertThat(tree.at("/rules/0/when/op").asText()).isEqualTo("gt");
        assertThat(tree.at("/default/type").asText()).isEqualTo("route");
    }

    @Test
    void everyTemplateReads() {
        for (String name : PolicyTemplates.NAMES) {
            PolicyJson.Parsed parsed = PolicyJson.parse(PolicyTemplates.json(name));
            assertThat(parsed.problems()).as(name).isEmpty();
            assertThat(new PolicyValidator(ValidationContext.NONE).validate(parsed.policy())).as(name).isEmpty();
        }
    }

    @Test
    void readProblemsCarryThePathOfTheFault() {
        String base = PolicyJson.write(Fakes.oneRule(new Condition.PromptChars(Op.GT, 5)));
        assertThat(PolicyJson.parse(base.replace("\"gt\"", "\"greater\"")).problems().get(0).path())
                .isEqualTo("/rules/0/when/op");
        assertThat(PolicyJson.parse(base.replace("\"prompt_chars\"", "\"telepathy\"")).problems().get(0))
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("/rules/0/when");
                    assertThat(p.message()).contains("type");
                });
        assertThat(PolicyJson.parse(base.replace("\"value\" : 5", "\"value\" : \"five\"")).problems().get(0).path())
                .isEqualTo("/rules/0/when/value");
        assertThat(PolicyJson.parse(base.replace("\"schema_version\" : 1", "\"schema_version\" : 2")).problems().get(0).path())
                .isEqualTo("/schema_version");
        assertThat(PolicyJson.parse(base.replace("\"schema_version\" : 1", "\"schema_version\" : 2")).problems().get(0).message())
                .isEqualTo("This policy is in a newer format (schema_version 2) than this Switchyard reads (1): "
                        + "open it with a newer Switchyard.");
        assertThat(PolicyJson.parse(base.replace("\"schema_version\" : 1", "\"schema_version\" : 0")).problems().get(0).message())
                .isEqualTo("schema_version must be 1, not 0.");
        assertThat(PolicyJson.parse("{\"schema_version\":1,").problems().get(0).message()).contains("not valid JSON");
        assertThat(PolicyJson.parse("[]").problems().get(0).message()).contains("JSON object");
        assertThat(PolicyJson.parse("").problems()).hasSize(1);
    }

    /** What `policy validate` and the designer's import show: the policy's words, never Jackson's or Java's. */
    @Test
    void readProblemsAreSaidInThePolicysWordsNotJacksons() {
        String base = PolicyJson.write(Fakes.oneRule(new Condition.PromptChars(Op.GT, 5)));
        assertThat(PolicyJson.parse(base.replace("\"prompt_chars\"", "\"tokens\"")).problems().get(0).message())
                .isEqualTo("Unknown condition type \"tokens\"; a condition's type is one of all, any, budget, complexity,"
                        + " has_code, intent, keywords, language, metadata, network, not, prompt_chars, prompt_tokens,"
                        + " regex, similarity (ROUTING.md).");
        assertThat(PolicyJson.parse(base.replace("\"type\" : \"prompt_chars\",", "")).problems().get(0).message())
                .startsWith("\"type\" is missing; a condition's type is one of all, any,");
        assertThat(PolicyJson.parse(base.replace("\"gt\"", "\"greater\"")).problems().get(0).message())
                .isEqualTo("\"greater\" is not one of lt, le, gt, ge, eq, ne.");
        assertThat(PolicyJson.parse(base.replace("\"value\" : 5", "\"value\" : \"five\"")).problems().get(0).message())
                .isEqualTo("\"five\" is not a whole number.");
        assertThat(PolicyJson.parse(base).problems()).isEmpty();
        String json = PolicyJson.parse("{\"schema_version\":1,\"rules\":[{\"when\":{\"type\":\"has_code\",\"value\":true},"
                + "\"then\":{\"type\":\"teleport\"}}],\"default\":{\"type\":\"route\",\"target\":\"m\"}}")
                .problems().toString();
        assertThat(json).contains("Unknown action type \"teleport\"; an action's type is one of ");
        for (String broken : List.of(base.replace("\"prompt_chars\"", "\"tokens\""), base.replace("\"gt\"", "\"greater\""),
                base.replace("\"value\" : 5", "\"value\" : \"five\""), base.replace("\"value\" : 5", "\"value\" : [1]"))) {
            assertThat(PolicyJson.parse(broken).problems().get(0).message()).as(broken)
                    .doesNotContain("dev.switchyard").doesNotContain("POJO").doesNotContain("`").doesNotContain("Cannot deserialize");
        }
    }

    @Test
    void deepNestingAndHugeNumbersAreProblemsNotCrashes() {
        StringBuilder deep = new StringBuilder("{\"schema_version\":1,\"rules\":[{\"when\":");
        for (int i = 0; i < 100_000; i++) {
            deep.append("{\"type\":\"not\",\"not\":");
        }
        deep.append("null").append("}".repeat(100_000)).append(",\"then\":{\"type\":\"route\",\"target\":\"a\"}}]}");
        assertThat(PolicyJson.parse(deep.toString()).problems()).isNotEmpty();

        String base = PolicyJson.write(Fakes.oneRule(new Condition.PromptChars(Op.GT, 5)));
        assertThat(PolicyJson.parse(base.replace("\"value\" : 5", "\"value\" : 99999999999999999999999999")).problems())
                .isNotEmpty();
        PolicyJson.Parsed inf = PolicyJson.parse(base.replace("\"prompt_chars\"", "\"complexity\"")
                .replace("\"value\" : 5", "\"value\" : 1e999"));
        assertThat(inf.policy()).isNotNull();
        assertThat(new PolicyValidator(ValidationContext.NONE).validate(inf.policy()))
                .extracting(Problem::path).containsExactly("/rules/0/when/value");
        assertThat(PolicyJson.parse("{\"schema_version\":1,\"name\":\"" + "x".repeat(2_000_000) + "\"}").problems())
                .isNotEmpty();
    }

    @Test
    void fuzzedPoliciesNeverThrow() {
        Random random = new Random(20261125);
        String valid = PolicyJson.write(everything());
        JsonNode tree = PolicyJson.tree(everything());
        Router router = new Fakes.Env().router();
        PolicyValidator validator = new PolicyValidator(ValidationContext.NONE);
        int parsed = 0;
        for (int i = 0; i < 4000; i++) {
            String mutant = switch (i % 4) {
                case 0 -> valid.substring(0, random.nextInt(valid.length()));
                case 1 -> charMutation(valid, random);
                case 2 -> treeMutation(tree, random).toString();
                default -> treeMutation(treeMutation(tree, random), random).toString();
            };
            PolicyJson.Parsed p = PolicyJson.parse(mutant);
            assertThat(p.policy() != null || !p.problems().isEmpty()).isTrue();
            p.problems().forEach(pr -> assertThat(pr.path()).matches("(/[^/]*)*"));
            if (p.policy() != null) {
                parsed++;
                validator.validate(p.policy());
                router.decide(p.policy(), RouteRequest.of("Turn on the lights; explain why 2 + 2 = 4."));
            }
        }
        assertThat(parsed).as("some mutants still parse and are routed").isGreaterThan(500);
    }

    private static String charMutation(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, PUNCT.charAt(r.nextInt(PUNCT.length())));
                default -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
            }
        }
        return sb.toString();
    }

    private static JsonNode treeMutation(JsonNode original, Random r) {
        JsonNode copy = original.deepCopy();
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(copy, containers);
        ContainerNode<?> target = containers.get(r.nextInt(containers.size()));
        JsonNode replacement = randomValue(r);
        if (target instanceof ObjectNode o && o.size() > 0) {
            Iterator<String> names = o.fieldNames();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            String key = keys.get(r.nextInt(keys.size()));
            if (r.nextInt(4) == 0) {
                o.remove(key);
            } else {
                o.set(key, replacement);
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int i = r.nextInt(a.size());
            if (r.nextBoolean()) {
                a.set(i, replacement);
            } else {
                a.add(a.get(i).deepCopy());
            }
        }
        return copy;
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> out) {
        if (n instanceof ContainerNode<?> c) {
            out.add(c);
            n.elements().forEachRemaining(k -> collect(k, out));
        }
    }

    private static JsonNode randomValue(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(10)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(r.nextBoolean() ? Long.MAX_VALUE : -1);
            case 2 -> f.numberNode(r.nextBoolean() ? Double.MAX_VALUE : -0.5);
            case 3 -> f.textNode("(((a+)+)+$");
            case 4 -> f.textNode("");
            case 5 -> f.arrayNode();
            case 6 -> f.objectNode();
            case 7 -> f.booleanNode(r.nextBoolean());
            case 8 -> f.objectNode().put("type", "not").set("not", f.objectNode().put("type", "any"));
            default -> f.textNode("all");
        };
    }
}
