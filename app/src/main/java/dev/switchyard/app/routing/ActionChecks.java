package dev.switchyard.app.routing;

import java.util.List;

/** The checks of actions ({@link PolicyValidator}). */
final class ActionChecks {

    private final ValidationContext context;
    private final List<Problem> out;

    ActionChecks(ValidationContext context, List<Problem> out) {
        this.context = context;
        this.out = out;
    }

    void check(Action a, String path) {
        if (a instanceof Action.Route r) {
            target(r.target(), path + "/target");
        } else if (a instanceof Action.Cascade c) {
            target(c.local(), path + "/local");
            target(c.escalate(), path + "/escalate");
            acceptIf(c.acceptIf(), path + "/accept_if");
        } else if (a instanceof Action.Fallback f) {
            if (f.chain().isEmpty()) {
                add(path + "/chain", "The fallback chain is empty; list at least one target.");
            }
            for (int i = 0; i < f.chain().size(); i++) {
                target(f.chain().get(i), path + "/chain/" + i);
            }
            Action.On on = f.on();
            positive(on.timeoutMs(), path + "/on/timeout_ms", "timeout_ms");
            positive(on.ttftOverMs(), path + "/on/ttft_over_ms", "ttft_over_ms");
            if (!on.error() && on.timeoutMs() == null && on.ttftOverMs() == null) {
                add(path + "/on", "The chain never moves on: set error, timeout_ms or ttft_over_ms.");
            }
        } else if (a instanceof Action.Split s) {
            split(s, path);
        }
    }

    private void split(Action.Split s, String path) {
        if (s.weights().isEmpty()) {
            add(path + "/weights", "A split needs at least one weighted target.");
            return;
        }
        long sum = 0;
        for (int i = 0; i < s.weights().size(); i++) {
            Action.Share share = s.weights().get(i);
            String p = path + "/weights/" + i;
            if (share == null) {
                add(p, "A weight entry cannot be null.");
                continue;
            }
            target(share.target(), p + "/target");
            if (share.weight() < 0 || share.weight() > 100) {
                add(p + "/weight", "A weight is a percentage between 0 and 100, not " + share.weight() + ".");
            }
            sum += share.weight();
        }
        if (sum != 100) {
            add(path + "/weights", "The weights sum to " + sum + ", not 100.");
        }
    }

    private void acceptIf(Action.AcceptIf a, String path) {
        if (a == null) {
            add(path, "A cascade needs accept_if (min_confidence, regex and/or max_tokens).");
            return;
        }
        if (a.minConfidence() != null && (!PolicyValidator.finite(a.minConfidence()) || a.minConfidence() < 0
                || a.minConfidence() > 1)) {
            add(path + "/min_confidence", "min_confidence must be between 0 and 1, not " + a.minConfidence() + ".");
        }
        if (a.regex() != null) {
            String problem = PolicyValidator.regexProblem(a.regex());
            if (problem != null) {
                add(path + "/regex", problem);
            }
        }
        if (a.maxTokens() != null && a.maxTokens() < 1) {
            add(path + "/max_tokens", "max_tokens must be at least 1.");
        }
        if (a.minConfidence() == null && a.regex() == null && a.maxTokens() == null) {
            add(path, "accept_if is empty, so the local answer is always kept; set min_confidence, regex or max_tokens.");
        }
    }

    private void positive(Long v, String path, String what) {
        if (v != null && (v < 1 || v > 3_600_000L)) {
            add(path, what + " must be between 1 and 3600000 ms, not " + v + ".");
        }
    }

    private void target(String target, String path) {
        if (target == null || target.isBlank()) {
            add(path, "The target is empty; name a model or a role such as $cloud-cheap.");
            return;
        }
        String problem = context.targetProblem(target);
        if (problem != null) {
            add(path, problem);
        }
    }

    private void add(String path, String message) {
        out.add(new Problem(path, message));
    }
}
