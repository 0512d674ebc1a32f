package dev.switchyard.app.routing;

import dev.switchyard.local.intent.IntentMatch;
import dev.switchyard.local.intent.ScoredIntent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Evaluates condition trees on a prompt's features, recording a trace node per condition evaluated. */
final class ConditionEvaluator {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 1024;

    private final PromptFeatures f;
    private final long regexLimitNanos;

    ConditionEvaluator(PromptFeatures features, long regexLimitNanos) {
        this.f = features;
        this.regexLimitNanos = regexLimitNanos;
    }

    ConditionTrace evaluate(Condition c, String path) {
        long t0 = System.nanoTime();
        String type = Condition.typeName(c);
        try {
            if (c instanceof Condition.All all) {
                List<ConditionTrace> kids = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < all.all().size() && ok; i++) {
                    ConditionTrace k = evaluate(all.all().get(i), path + "/all/" + i);
                    kids.add(k);
                    ok = k.passed();
                }
                return node(path, type, "all of " + all.all().size(), null, ok, t0, null, kids);
            } else if (c instanceof Condition.Any any) {
                List<ConditionTrace> kids = new ArrayList<>();
                boolean ok = false;
                for (int i = 0; i < any.any().size() && !ok; i++) {
                    ConditionTrace k = evaluate(any.any().get(i), path + "/any/" + i);
                    kids.add(k);
                    ok = k.passed();
                }
                return node(path, type, "any of " + any.any().size(), null, ok, t0, null, kids);
            } else if (c instanceof Condition.Not not) {
                ConditionTrace k = evaluate(not.not(), path + "/not");
                return node(path, type, "not", null, !k.passed(), t0, null, List.of(k));
            }
            return leaf(c, path, type, t0);
        } catch (RoutingException | IllegalArgumentException | IllegalStateException e) {
            return node(path, type, describe(c), null, false, t0, e.getMessage(), null);
        } catch (RuntimeException e) {
            return node(path, type, describe(c), null, false, t0, "could not be evaluated: " + e, null);
        }
    }

    private ConditionTrace leaf(Condition c, String path, String type, long t0) {
        String observed;
        boolean ok;
        if (c instanceof Condition.PromptTokens t) {
            int n = f.tokens(t.model());
            observed = Integer.toString(n);
            ok = t.op() != null && t.op().test(n, t.value());
        } else if (c instanceof Condition.PromptChars t) {
            int n = f.characters();
            observed = Integer.toString(n);
            ok = t.op() != null && t.op().test(n, t.value());
        } else if (c instanceof Condition.Keywords k) {
            List<String> found = new ArrayList<>();
            String lower = f.prompt().toLowerCase(Locale.ROOT);
            for (String w : k.words()) {
                if (w != null && !w.isBlank() && containsWord(lower, w.toLowerCase(Locale.ROOT).strip())) {
                    found.add(w);
                }
            }
            observed = found.isEmpty() ? "none found" : "found " + found;
            ok = k.match() == Condition.Match.ALL ? !k.words().isEmpty() && found.size() == k.words().size()
                    : !found.isEmpty();
        } else if (c instanceof Condition.Regex r) {
            ok = SafeRegex.find(pattern(r.pattern(), r.ignoreCase()), f.prompt(), regexLimitNanos);
            observed = ok ? "match" : "no match";
        } else if (c instanceof Condition.Intent i) {
            IntentMatch m = f.intent(i.intentSet());
            if (i.intent() == null || i.intent().isBlank()) {
                observed = m.intentName() + " " + pct(m.confidence());
                ok = m.confidence() >= i.minConfidence();
            } else {
                double conf = m.top().stream().filter(s -> s.intent().equals(i.intent()))
                        .mapToDouble(ScoredIntent::confidence).findFirst().orElse(0);
                observed = i.intent() + " " + pct(conf) + " (best: " + m.intentName() + " " + pct(m.confidence()) + ")";
                ok = conf >= i.minConfidence();
            }
        } else if (c instanceof Condition.Similarity s) {
            double sim = f.similarity(s.exampleSet());
            observed = String.format(Locale.ROOT, "%.3f", sim);
            ok = sim >= s.minSimilarity();
        } else if (c instanceof Condition.Complexity x) {
            double score = f.complexity();
            observed = String.format(Locale.ROOT, "%.3f", score);
            ok = x.op() != null && x.op().test(score, x.value());
        } else if (c instanceof Condition.HasCode h) {
            observed = Boolean.toString(f.hasCode());
            ok = f.hasCode() == h.value();
        } else if (c instanceof Condition.Language l) {
            observed = f.language();
            ok = l.languages().stream().anyMatch(x -> x != null && x.equalsIgnoreCase(observed));
        } else if (c instanceof Condition.Network n) {
            boolean online = f.online();
            observed = online ? "online" : "offline";
            ok = n.state() != null && (n.state() == Condition.Connectivity.ONLINE) == online;
        } else if (c instanceof Condition.Budget b) {
            double remaining = b.limitUsd() - f.spentUsd();
            observed = String.format(Locale.ROOT, "$%.4f left of $%.2f", remaining, b.limitUsd());
            ok = b.op() != null && b.op().test(remaining, b.value());
        } else {
            Condition.Metadata m = (Condition.Metadata) c;
            String v = m.key() == null ? null : f.metadata().get(m.key());
            observed = v == null ? "absent" : v;
            ok = v != null && (m.value() == null || m.value().equals(v));
        }
        return node(path, type, describe(c), observed, ok, t0, null, null);
    }

    private static ConditionTrace node(String path, String type, String test, String observed, boolean ok, long t0,
                                       String error, List<ConditionTrace> kids) {
        return new ConditionTrace(path, type, test, observed, ok, (System.nanoTime() - t0) / 1000.0, error, kids);
    }

    static Pattern pattern(String regex, boolean ignoreCase) {
        if (regex == null) {
            throw new IllegalArgumentException("the regex is missing");
        }
        String key = (ignoreCase ? "i:" : "c:") + regex;
        Pattern p = PATTERNS.get(key);
        if (p == null) {
            try {
                p = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the regex does not compile: " + e.getDescription());
            }
            if (PATTERNS.size() < MAX_CACHED) {
                PATTERNS.put(key, p);
            }
        }
        return p;
    }

    /** Whole-word (or whole-phrase) containment, case already folded. */
    static boolean containsWord(String text, String word) {
        if (word.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int i = text.indexOf(word, from);
            if (i < 0) {
                return false;
            }
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A short readable form of a leaf condition ("tokens > 200"). */
    static String describe(Condition c) {
        if (c instanceof Condition.PromptTokens t) {
            return "tokens" + (t.model() == null ? "" : "[" + t.model() + "]") + " " + sym(t.op()) + " " + t.value();
        } else if (c instanceof Condition.PromptChars t) {
            return "characters " + sym(t.op()) + " " + t.value();
        } else if (c instanceof Condition.Keywords k) {
            return k.match().name().toLowerCase(Locale.ROOT) + " of " + k.words();
        } else if (c instanceof Condition.Regex r) {
            return "matches /" + r.pattern() + "/" + (r.ignoreCase() ? "i" : "");
        } else if (c instanceof Condition.Intent i) {
            return "intent " + (i.intent() == null ? "any" : i.intent()) + " in " + i.intentSet() + " ≥ " + i.minConfidence();
        } else if (c instanceof Condition.Similarity s) {
            return "similarity to " + s.exampleSet() + " ≥ " + s.minSimilarity();
        } else if (c instanceof Condition.Complexity x) {
            return "complexity " + sym(x.op()) + " " + x.value();
        } else if (c instanceof Condition.HasCode h) {
            return "has code = " + h.value();
        } else if (c instanceof Condition.Language l) {
            return "language in " + l.languages();
        } else if (c instanceof Condition.Network n) {
            return "network " + (n.state() == null ? "?" : n.state().name().toLowerCase(Locale.ROOT));
        } else if (c instanceof Condition.Budget b) {
            return "remaining budget " + sym(b.op()) + " $" + b.value();
        } else if (c instanceof Condition.Metadata m) {
            return "metadata " + m.key() + (m.value() == null ? " present" : " = " + m.value());
        }
        return Condition.typeName(c);
    }

    private static String sym(Op op) {
        return op == null ? "?" : op.symbol();
    }
}
