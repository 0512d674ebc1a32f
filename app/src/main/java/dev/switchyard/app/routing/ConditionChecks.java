package dev.switchyard.app.routing;

import java.util.List;

/** The checks of condition trees ({@link PolicyValidator}). */
final class ConditionChecks {

    private final ValidationContext context;
    private final Policy policy;
    private final List<Problem> out;

    ConditionChecks(ValidationContext context, Policy policy, List<Problem> out) {
        this.context = context;
        this.policy = policy;
        this.out = out;
    }

    void check(Condition c, String path, int depth) {
        if (c == null) {
            add(path, "A condition cannot be null.");
            return;
        }
        if (depth > PolicyValidator.MAX_CONDITION_DEPTH) {
            add(path, "Conditions are nested deeper than " + PolicyValidator.MAX_CONDITION_DEPTH + " levels.");
            return;
        }
        if (c instanceof Condition.All a) {
            for (int i = 0; i < a.all().size(); i++) {
                check(a.all().get(i), path + "/all/" + i, depth + 1);
            }
        } else if (c instanceof Condition.Any a) {
            if (a.any().isEmpty()) {
                add(path + "/any", "An empty 'any' never holds; add conditions or remove it.");
            }
            for (int i = 0; i < a.any().size(); i++) {
                check(a.any().get(i), path + "/any/" + i, depth + 1);
            }
        } else if (c instanceof Condition.Not n) {
            check(n.not(), path + "/not", depth + 1);
        } else {
            leaf(c, path);
        }
    }

    private void leaf(Condition c, String path) {
        if (c instanceof Condition.PromptTokens t) {
            op(t.op(), path);
            if (t.value() < 0) {
                add(path + "/value", "A token count cannot be negative.");
            }
            if (t.model() != null && t.model().isBlank()) {
                add(path + "/model", "The model is empty; name a model, or leave model out to count with o200k_base.");
            } else if (t.model() != null) {
                String problem = context.targetProblem(t.model());
                if (problem != null) {
                    add(path + "/model", problem);
                }
            }
        } else if (c instanceof Condition.PromptChars t) {
            op(t.op(), path);
            if (t.value() < 0) {
                add(path + "/value", "A character count cannot be negative.");
            }
        } else if (c instanceof Condition.Keywords k) {
            if (k.words().isEmpty() || k.words().stream().anyMatch(w -> w == null || w.isBlank())) {
                add(path + "/words", "Give at least one keyword, none of them empty.");
            }
        } else if (c instanceof Condition.Regex r) {
            String problem = PolicyValidator.regexProblem(r.pattern());
            if (problem != null) {
                add(path + "/pattern", problem);
            }
        } else if (c instanceof Condition.Intent i) {
            if (i.intentSet() == null || i.intentSet().isBlank()) {
                add(path + "/intent_set", "Name the intent set to match against.");
            } else if (!context.intentSetExists(i.intentSet())) {
                add(path + "/intent_set", "The workspace has no intent set '" + i.intentSet() + "'.");
            }
            range(i.minConfidence(), 0, 1, path + "/min_confidence", "min_confidence");
        } else if (c instanceof Condition.Similarity s) {
            if (s.exampleSet() == null || !policy.exampleSets().containsKey(s.exampleSet())) {
                add(path + "/example_set", "The policy has no example set '" + s.exampleSet()
                        + "'; define it under example_sets.");
            }
            range(s.minSimilarity(), -1, 1, path + "/min_similarity", "min_similarity");
        } else if (c instanceof Condition.Complexity x) {
            op(x.op(), path);
            range(x.value(), 0, 1, path + "/value", "A complexity threshold");
        } else if (c instanceof Condition.Language l) {
            if (l.languages().isEmpty() || l.languages().stream().anyMatch(x -> x == null || x.isBlank())) {
                add(path + "/languages", "Give at least one language code (en, de, fr…, or unknown).");
            }
        } else if (c instanceof Condition.Network n) {
            if (n.state() == null) {
                add(path + "/state", "state must be online or offline.");
            }
        } else if (c instanceof Condition.Budget b) {
            op(b.op(), path);
            if (!PolicyValidator.finite(b.limitUsd()) || b.limitUsd() < 0) {
                add(path + "/limit_usd", "limit_usd must be a finite amount ≥ 0.");
            }
            if (!PolicyValidator.finite(b.value()) || Math.abs(b.value()) > 1e9) {
                add(path + "/value", "value must be a finite amount of USD.");
            }
        } else if (c instanceof Condition.Metadata m) {
            if (m.key() == null || m.key().isBlank()) {
                add(path + "/key", "Name the metadata key.");
            }
        }
    }

    private void op(Op op, String path) {
        if (op == null) {
            add(path + "/op", "op must be one of lt, le, gt, ge, eq, ne.");
        }
    }

    private void range(double v, double lo, double hi, String path, String what) {
        if (!PolicyValidator.finite(v) || v < lo || v > hi) {
            add(path, what + " must be between " + fmt(lo) + " and " + fmt(hi) + ", not " + v + ".");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void add(String path, String message) {
        out.add(new Problem(path, message));
    }
}
