package dev.switchyard.app.routing.edit;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Condition;
import dev.switchyard.app.routing.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short readable forms of conditions and actions for the designer's nodes, edges and inspector. */
public final class Describe {

    /** Readable names of condition and action types, for the palette. */
    public static String typeLabel(String type) {
        return switch (type) {
            case "prompt_tokens" -> "Tokens";
            case "prompt_chars" -> "Characters";
            case "has_code" -> "Has code";
            case "all" -> "All of";
            case "any" -> "Any of";
            case "not" -> "Not";
            default -> type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
        };
    }

    private Describe() {
    }

    /** One node of a condition tree: a leaf's test, or a group's kind. */
    public static String node(Condition c) {
        if (c instanceof Condition.All a) {
            return "all of " + a.all().size();
        } else if (c instanceof Condition.Any a) {
            return "any of " + a.any().size();
        } else if (c instanceof Condition.Not) {
            return "not";
        }
        return leaf(c);
    }

    /** A whole condition tree in one line ("intent ≥ 0.6 and (has code or complexity ≥ 0.6)"); null: "always". */
    public static String inline(Condition c) {
        if (c == null) {
            return "always";
        } else if (c instanceof Condition.All a) {
            return a.all().isEmpty() ? "always" : join(a.all(), " and ");
        } else if (c instanceof Condition.Any a) {
            return a.any().isEmpty() ? "never" : join(a.any(), " or ");
        } else if (c instanceof Condition.Not n) {
            return "not " + group(n.not());
        }
        return leaf(c);
    }

    private static String join(List<Condition> kids, String sep) {
        List<String> parts = new ArrayList<>();
        for (Condition k : kids) {
            parts.add(group(k));
        }
        return String.join(sep, parts);
    }

    private static String group(Condition c) {
        boolean nested = (c instanceof Condition.All a && a.all().size() > 1) || (c instanceof Condition.Any y && y.any().size() > 1);
        return nested ? "(" + inline(c) + ")" : inline(c);
    }

    static String leaf(Condition c) {
        if (c instanceof Condition.PromptTokens t) {
            return "tokens" + (t.model() == null ? "" : "[" + t.model() + "]") + " " + sym(t.op()) + " " + t.value();
        } else if (c instanceof Condition.PromptChars t) {
            return "characters " + sym(t.op()) + " " + t.value();
        } else if (c instanceof Condition.Keywords k) {
            return "mentions " + String.join(k.match() == Condition.Match.ALL ? " and " : " or ", k.words());
        } else if (c instanceof Condition.Regex r) {
            return "matches /" + r.pattern() + "/" + (Boolean.TRUE.equals(r.ignoreCase()) ? "i" : "");
        } else if (c instanceof Condition.Intent i) {
            return "intent " + (i.intent() == null ? "" : i.intent() + " ") + "in " + i.intentSet() + " ≥ " + i.minConfidence();
        } else if (c instanceof Condition.Similarity s) {
            return "similar to " + s.exampleSet() + " ≥ " + s.minSimilarity();
        } else if (c instanceof Condition.Complexity x) {
            return "complexity " + sym(x.op()) + " " + x.value();
        } else if (c instanceof Condition.HasCode h) {
            return Boolean.FALSE.equals(h.value()) ? "no code" : "has code";
        } else if (c instanceof Condition.Language l) {
            return "language " + String.join("/", l.languages());
        } else if (c instanceof Condition.Network n) {
            return n.state() == null ? "network ?" : n.state().name().toLowerCase(Locale.ROOT);
        } else if (c instanceof Condition.Budget b) {
            return "budget left " + sym(b.op()) + " $" + b.value();
        } else if (c instanceof Condition.Metadata m) {
            return m.key() + (m.value() == null ? " present" : " = " + m.value());
        }
        return c == null ? "?" : Condition.typeName(c);
    }

    /** An action in one line ("cascade intent:smart-home, else $cloud-strong"). */
    public static String action(Action a) {
        if (a == null) {
            return "no action";
        } else if (a instanceof Action.Route r) {
            return "route → " + r.target();
        } else if (a instanceof Action.Cascade c) {
            return "cascade " + c.local() + " → " + c.escalate();
        } else if (a instanceof Action.Fallback f) {
            return "fallback " + String.join(" → ", f.chain());
        }
        Action.Split s = (Action.Split) a;
        return "split " + String.join(" / ", s.weights().stream().map(w -> w.weight() + "%").toList());
    }

    /** The label of a fallback edge: "on error / timeout>10000 ms / ttft>1500 ms". */
    public static String fallbackTrigger(Action.On on) {
        List<String> parts = new ArrayList<>();
        if (on == null || Boolean.TRUE.equals(on.error())) {
            parts.add("on error");
        }
        if (on != null && on.timeoutMs() != null) {
            parts.add("timeout>" + on.timeoutMs() + " ms");
        }
        if (on != null && on.ttftOverMs() != null) {
            parts.add("ttft>" + on.ttftOverMs() + " ms");
        }
        return parts.isEmpty() ? "never" : String.join(" / ", parts);
    }

    private static String sym(Op op) {
        return op == null ? "?" : op.symbol();
    }
}
