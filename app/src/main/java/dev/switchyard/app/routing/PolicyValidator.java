package dev.switchyard.app.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a policy and reports every problem with its JSON-pointer path: unknown models and roles,
 * intent sets and example sets, rules shadowed by an earlier rule that always matches, split weights not
 * summing to 100, empty chains, regular expressions that do not compile, thresholds out of range, and
 * missing parts. Never throws.
 */
public final class PolicyValidator {

    /** Longest regular expression accepted. */
    public static final int MAX_PATTERN = 1000;
    /** Deepest condition tree accepted. */
    public static final int MAX_CONDITION_DEPTH = 24;

    private final ValidationContext context;

    public PolicyValidator(ValidationContext context) {
        this.context = context;
    }

    /** Parses and validates policy JSON: read problems, or else validation problems. */
    public List<Problem> validate(String json) {
        PolicyJson.Parsed parsed = PolicyJson.parse(json);
        return parsed.policy() == null ? parsed.problems() : validate(parsed.policy());
    }

    /**
     * The problems a policy has in any workspace: checked with {@link ValidationContext#NONE}, where every model, role
     * and intent set counts as present. What {@link #validate(Policy)} finds beyond these only says that this workspace
     * lacks a model, a model for a role, or an intent set the policy names (the one place the checks ask the workspace,
     * {@link ValidationContext}): another workspace, or this one once the models are added, has none of them.
     */
    public static List<Problem> problemsInAnyWorkspace(Policy policy) {
        return new PolicyValidator(ValidationContext.NONE).validate(policy);
    }

    public List<Problem> validate(Policy policy) {
        List<Problem> out = new ArrayList<>();
        try {
            check(policy, out);
        } catch (RuntimeException | StackOverflowError e) {
            out.add(new Problem("", "The policy could not be checked: " + e.getClass().getSimpleName() + "."));
        }
        return out;
    }

    private void check(Policy p, List<Problem> out) {
        if (p.schemaVersion() != Policy.SCHEMA_VERSION) {
            out.add(new Problem("/schema_version", "schema_version must be " + Policy.SCHEMA_VERSION + "."));
        }
        p.exampleSets().forEach((name, examples) -> {
            String path = "/example_sets/" + Paths.escape(name);
            if (examples == null || examples.isEmpty() || examples.stream().anyMatch(e -> e == null || e.isBlank())) {
                out.add(new Problem(path, "An example set needs at least one non-empty example."));
            }
        });
        int alwaysMatching = -1;
        for (int i = 0; i < p.rules().size(); i++) {
            Rule r = p.rules().get(i);
            String path = "/rules/" + i;
            if (r == null) {
                out.add(new Problem(path, "A rule cannot be null."));
                continue;
            }
            if (alwaysMatching >= 0) {
                out.add(new Problem(path, "This rule is never reached: rule " + (alwaysMatching + 1) + " (/rules/"
                        + alwaysMatching + ") always matches. Move it up or give that rule a condition."));
            }
            if (r.when() != null) {
                new ConditionChecks(context, p, out).check(r.when(), path + "/when", 1);
            }
            if (r.then() == null) {
                out.add(new Problem(path + "/then", "The rule has no action (then)."));
            } else {
                new ActionChecks(context, out).check(r.then(), path + "/then");
            }
            if (alwaysMatching < 0 && always(r.when())) {
                alwaysMatching = i;
            }
        }
        if (p.defaultAction() == null) {
            out.add(new Problem("/default", "The policy needs a default action for prompts no rule matches."));
        } else {
            new ActionChecks(context, out).check(p.defaultAction(), "/default");
        }
    }

    /** True when a condition holds whatever the prompt (null = no condition). */
    static boolean always(Condition c) {
        if (c == null) {
            return true;
        } else if (c instanceof Condition.All a) {
            return a.all().stream().allMatch(PolicyValidator::always);
        } else if (c instanceof Condition.Any a) {
            return a.any().stream().anyMatch(PolicyValidator::always);
        } else if (c instanceof Condition.Not n) {
            return n.not() != null && never(n.not());
        }
        return false;
    }

    /** True when a condition can never hold. */
    static boolean never(Condition c) {
        if (c instanceof Condition.Any a) {
            return a.any().stream().allMatch(x -> x != null && never(x));
        } else if (c instanceof Condition.All a) {
            return a.all().stream().anyMatch(x -> x != null && never(x));
        } else if (c instanceof Condition.Not n) {
            return n.not() == null || always(n.not());
        }
        return false;
    }

    static String regexProblem(String regex) {
        if (regex == null || regex.isEmpty()) {
            return "The regular expression is empty.";
        }
        if (regex.length() > MAX_PATTERN) {
            return "The regular expression is longer than " + MAX_PATTERN + " characters.";
        }
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return "The regular expression does not compile: " + e.getDescription() + " near index " + e.getIndex() + ".";
        }
    }

    static boolean finite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    /** JSON pointer helpers. */
    static final class Paths {
        private Paths() {
        }

        static String escape(String key) {
            return key == null ? "null" : key.replace("~", "~0").replace("/", "~1");
        }
    }
}
