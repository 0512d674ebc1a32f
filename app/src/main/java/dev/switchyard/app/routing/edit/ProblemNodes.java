package dev.switchyard.app.routing.edit;

import dev.switchyard.app.routing.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which designer node a validation problem belongs to, from its JSON-pointer path: {@code /rules/2/...} is
 * rule node {@code rule:2}, {@code /default...} the default node, anything else the policy as a whole.
 */
public final class ProblemNodes {

    public static final String POLICY = "policy";
    public static final String DEFAULT = "default";

    private ProblemNodes() {
    }

    public static String ruleNode(int index) {
        return "rule:" + index;
    }

    public static String nodeOf(String path) {
        if (path == null) {
            return POLICY;
        }
        if (path.startsWith("/rules/")) {
            String rest = path.substring("/rules/".length());
            int slash = rest.indexOf('/');
            String index = slash < 0 ? rest : rest.substring(0, slash);
            if (!index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
                return ruleNode(Integer.parseInt(index));
            }
        } else if (path.equals("/default") || path.startsWith("/default/")) {
            return DEFAULT;
        }
        return POLICY;
    }

    /** Problems grouped by node, in order. */
    public static Map<String, List<Problem>> group(List<Problem> problems) {
        Map<String, List<Problem>> out = new LinkedHashMap<>();
        for (Problem p : problems) {
            out.computeIfAbsent(nodeOf(p.path()), k -> new ArrayList<>()).add(p);
        }
        return out;
    }
}
