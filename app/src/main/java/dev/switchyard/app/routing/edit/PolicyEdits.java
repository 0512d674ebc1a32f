package dev.switchyard.app.routing.edit;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Condition;
import dev.switchyard.app.routing.Op;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure edits over immutable {@link Policy} values, as the designer makes them. A condition inside a rule
 * is addressed by a path of child indices through all / any / not groups (empty = the rule's root).
 */
public final class PolicyEdits {

    /** Every condition type of the policy model, in palette order. */
    public static final List<String> CONDITION_TYPES = List.of("prompt_tokens", "prompt_chars", "keywords", "regex",
            "intent", "similarity", "complexity", "has_code", "language", "network", "budget", "metadata");
    /** The group types. */
    public static final List<String> GROUP_TYPES = List.of("all", "any", "not");
    /** Every action type. */
    public static final List<String> ACTION_TYPES = List.of("route", "cascade", "fallback", "split");
    /** The default target of a new policy. */
    public static final String NEW_DEFAULT_TARGET = "$cloud-cheap";

    private PolicyEdits() {
    }

    public static Policy empty(String name) {
        return Policy.of(name, List.of(), new Action.Route(NEW_DEFAULT_TARGET));
    }

    public static Policy withRules(Policy p, List<Rule> rules) {
        return new Policy(p.schemaVersion(), p.name(), p.description(), p.exampleSets(), rules, p.defaultAction());
    }

    public static Policy withDefault(Policy p, Action action) {
        return new Policy(p.schemaVersion(), p.name(), p.description(), p.exampleSets(), p.rules(), action);
    }

    public static Policy addRule(Policy p, Rule r) {
        List<Rule> rules = new ArrayList<>(p.rules());
        rules.add(r);
        return withRules(p, rules);
    }

    public static Policy setRule(Policy p, int index, Rule r) {
        List<Rule> rules = new ArrayList<>(p.rules());
        rules.set(index, r);
        return withRules(p, rules);
    }

    public static Policy removeRule(Policy p, int index) {
        List<Rule> rules = new ArrayList<>(p.rules());
        rules.remove(index);
        return withRules(p, rules);
    }

    /** Moves rule {@code from} so that it ends at index {@code to} (clamped). */
    public static Policy moveRule(Policy p, int from, int to) {
        List<Rule> rules = new ArrayList<>(p.rules());
        Rule r = rules.remove(from);
        rules.add(Math.max(0, Math.min(to, rules.size())), r);
        return withRules(p, rules);
    }

    /** The condition at {@code path} below {@code root}, or null when there is none. */
    public static Condition at(Condition root, List<Integer> path) {
        Condition c = root;
        for (int i : path) {
            List<Condition> kids = children(c);
            if (i < 0 || i >= kids.size()) {
                return null;
            }
            c = kids.get(i);
        }
        return c;
    }

    /** The children of a group (empty for a leaf or null). */
    public static List<Condition> children(Condition c) {
        if (c instanceof Condition.All a) {
            return a.all();
        } else if (c instanceof Condition.Any a) {
            return a.any();
        } else if (c instanceof Condition.Not n) {
            return n.not() == null ? List.of() : java.util.Collections.singletonList(n.not());
        }
        return List.of();
    }

    /** Replaces the condition at {@code path}; {@code replacement} null removes it (a removed root leaves no condition). */
    public static Condition replace(Condition root, List<Integer> path, Condition replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        List<Condition> kids = new ArrayList<>(children(root));
        int i = path.get(0);
        Condition child = replace(kids.get(i), path.subList(1, path.size()), replacement);
        if (child == null) {
            kids.remove(i);
        } else {
            kids.set(i, child);
        }
        return regroup(root, kids);
    }

    /**
     * Adds {@code c} at {@code path}: into the group found there, else beside the condition there by wrapping
     * both in "all". No root: {@code c} becomes the root. Returns the new root and where {@code c} went.
     */
    public static Placed add(Condition root, List<Integer> path, Condition c) {
        if (root == null) {
            return new Placed(c, List.of());
        }
        Condition target = at(root, path);
        List<Integer> where = new ArrayList<>(path);
        Condition group;
        if (target instanceof Condition.All || target instanceof Condition.Any) {
            List<Condition> kids = new ArrayList<>(children(target));
            kids.add(c);
            where.add(kids.size() - 1);
            group = regroup(target, kids);
        } else {
            group = new Condition.All(List.of(target, c));
            where.add(1);
        }
        return new Placed(replace(root, path, group), where);
    }

    /** A new root and the path of the condition that was placed. */
    public record Placed(Condition root, List<Integer> path) {
    }

    /** Wraps the condition at {@code path} in a group of {@code type} ("all", "any", "not"). */
    public static Condition wrap(Condition root, List<Integer> path, String type) {
        Condition c = at(root, path);
        Condition group = switch (type) {
            case "all" -> new Condition.All(List.of(c));
            case "any" -> new Condition.Any(List.of(c));
            case "not" -> new Condition.Not(c);
            default -> throw new IllegalArgumentException("Not a group type: " + type);
        };
        return replace(root, path, group);
    }

    private static Condition regroup(Condition group, List<Condition> kids) {
        if (group instanceof Condition.All) {
            return new Condition.All(kids);
        } else if (group instanceof Condition.Any) {
            return new Condition.Any(kids);
        }
        return new Condition.Not(kids.isEmpty() ? null : kids.get(0));
    }

    /** A new condition of a type with sensible starting values. */
    public static Condition newCondition(String type) {
        return switch (type) {
            case "prompt_tokens" -> new Condition.PromptTokens(Op.GT, 200, null);
            case "prompt_chars" -> new Condition.PromptChars(Op.GT, 800);
            case "keywords" -> new Condition.Keywords(List.of("example"), Condition.Match.ANY);
            case "regex" -> new Condition.Regex("(?i)\\bexample\\b", false);
            case "intent" -> new Condition.Intent("smart-home", null, 0.6);
            case "similarity" -> new Condition.Similarity("examples", 0.7);
            case "complexity" -> new Condition.Complexity(Op.GE, 0.6);
            case "has_code" -> new Condition.HasCode(true);
            case "language" -> new Condition.Language(List.of("en"));
            case "network" -> new Condition.Network(Condition.Connectivity.OFFLINE);
            case "budget" -> new Condition.Budget(10.0, Op.LT, 1.0);
            case "metadata" -> new Condition.Metadata("channel", "voice");
            case "all" -> new Condition.All(List.of());
            case "any" -> new Condition.Any(List.of());
            default -> throw new IllegalArgumentException("Unknown condition type: " + type);
        };
    }

    /**
     * A new action of a type, reusing the targets of {@code previous} (null: {@code fallbackTarget}) so that
     * switching the type keeps where the rule goes.
     */
    public static Action newAction(String type, Action previous, String fallbackTarget) {
        List<String> old = previous == null ? List.of() : Action.targets(previous).stream()
                .filter(t -> t != null && !t.isBlank()).toList();
        String first = old.isEmpty() ? fallbackTarget : old.get(0);
        String second = old.size() > 1 ? old.get(1) : "$cloud-strong";
        return switch (type) {
            case "route" -> new Action.Route(first);
            case "cascade" -> new Action.Cascade(first, new Action.AcceptIf(0.6, null, null), second);
            case "fallback" -> new Action.Fallback(List.of(first, second), new Action.On(true, 10_000L, 1_500L));
            case "split" -> new Action.Split(List.of(new Action.Share(first, 50), new Action.Share(second, 50)), 42L);
            default -> throw new IllegalArgumentException("Unknown action type: " + type);
        };
    }

    /** The action with its first target replaced (a split's first share, a fallback's first link). */
    public static Action retarget(Action a, int slot, String target) {
        if (a instanceof Action.Route) {
            return new Action.Route(target);
        } else if (a instanceof Action.Cascade c) {
            return slot == 0 ? new Action.Cascade(target, c.acceptIf(), c.escalate())
                    : new Action.Cascade(c.local(), c.acceptIf(), target);
        } else if (a instanceof Action.Fallback f) {
            List<String> chain = new ArrayList<>(f.chain());
            if (slot < chain.size()) {
                chain.set(slot, target);
            } else {
                chain.add(target);
            }
            return new Action.Fallback(chain, f.on());
        }
        Action.Split s = (Action.Split) a;
        List<Action.Share> shares = new ArrayList<>(s.weights());
        if (slot < shares.size()) {
            shares.set(slot, new Action.Share(target, shares.get(slot).weight()));
        } else {
            shares.add(new Action.Share(target, 0));
        }
        return new Action.Split(shares, s.seed());
    }
}
