package dev.switchyard.app.replay.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.app.replay.engine.ThresholdSpec;
import dev.switchyard.app.routing.ConditionTrace;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.PolicyJson;
import dev.switchyard.app.routing.RuleTrace;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threshold condition a sweep moves: the first complexity condition of the policy, else the first
 * similarity, prompt_tokens or prompt_chars condition (in that order), found by its JSON pointer. Forcing it to
 * hold or fail (replacing it with an always-true {"type":"all","all":[]} or always-false {"type":"any","any":[]})
 * gives the two routes of each prompt; its observed value comes from the decision trace.
 */
final class ThresholdPath {

    private static final List<String> PREFERRED = List.of("complexity", "similarity", "prompt_tokens", "prompt_chars");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    final String pointer;
    final String type;
    final String op;
    final double value;

    private ThresholdPath(String pointer, String type, String op, double value) {
        this.pointer = pointer;
        this.type = type;
        this.op = op;
        this.value = value;
    }

    static Optional<ThresholdPath> find(JsonNode policy) {
        for (String wanted : PREFERRED) {
            JsonNode rules = policy.path("rules");
            for (int i = 0; i < rules.size(); i++) {
                Optional<ThresholdPath> p = search(rules.get(i).path("when"), "/rules/" + i + "/when", wanted);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ThresholdPath> search(JsonNode c, String path, String wanted) {
        if (c == null || !c.isObject()) {
            return Optional.empty();
        }
        String type = c.path("type").asText();
        if (type.equals(wanted)) {
            String op = type.equals("similarity") ? ">=" : symbol(c.path("op").asText());
            double v = type.equals("similarity") ? c.path("min_similarity").asDouble() : c.path("value").asDouble();
            return op == null ? Optional.empty() : Optional.of(new ThresholdPath(path, type, op, v));
        }
        for (String combinator : List.of("all", "any")) {
            JsonNode kids = c.path(combinator);
            for (int i = 0; i < kids.size(); i++) {
                Optional<ThresholdPath> p = search(kids.get(i), path + "/" + combinator + "/" + i, wanted);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return search(c.path("not"), path + "/not", wanted);
    }

    private static String symbol(String op) {
        return switch (op) {
            case "lt" -> "<";
            case "le" -> "<=";
            case "gt" -> ">";
            case "ge" -> ">=";
            default -> null;
        };
    }

    /** The policy with the condition replaced so that it always holds or never does. */
    String forced(JsonNode policy, boolean holds) {
        JsonNode copy = policy.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        ObjectNode replacement = PolicyJson.mapper().createObjectNode();
        if (holds) {
            replacement.put("type", "all").putArray("all");
        } else {
            replacement.put("type", "any").putArray("any");
        }
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        return copy.toString();
    }

    /** The observed value of the condition in this decision, empty when it was not evaluated. */
    Optional<Double> observed(Decision d) {
        for (RuleTrace r : d.trace()) {
            Optional<Double> v = observed(r.when());
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private Optional<Double> observed(ConditionTrace t) {
        if (t == null) {
            return Optional.empty();
        }
        if (pointer.equals(t.path()) && t.observed() != null && t.error() == null) {
            Matcher m = NUMBER.matcher(t.observed());
            return m.find() ? Optional.of(Double.parseDouble(m.group())) : Optional.empty();
        }
        if (t.children() != null) {
            for (ConditionTrace k : t.children()) {
                Optional<Double> v = observed(k);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    ThresholdSpec spec(double maxObserved) {
        String label = switch (type) {
            case "complexity" -> "complexity";
            case "similarity" -> "similarity";
            case "prompt_tokens" -> "prompt tokens";
            default -> "prompt characters";
        };
        boolean unit = type.equals("complexity") || type.equals("similarity");
        double max = unit ? 1 : Math.max(Math.ceil(maxObserved), Math.max(1, value * 2));
        return new ThresholdSpec(label, op, value, 0, max);
    }
}
