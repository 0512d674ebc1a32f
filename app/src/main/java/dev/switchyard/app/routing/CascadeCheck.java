package dev.switchyard.app.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.cloud.tokens.TokenEstimator;
import dev.switchyard.workspace.model.Run;
import dev.switchyard.workspace.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Whether a cascade keeps the local answer: it completed and every accept_if condition given holds. */
final class CascadeCheck {

    private CascadeCheck() {
    }

    /** "accepted: …" or the reason to escalate. */
    static String verdict(Action.AcceptIf accept, StepRun.Outcome local) {
        Run run = local.run();
        if (run.status() != RunStatus.COMPLETED) {
            return "the local run ended " + run.status();
        }
        if (accept == null) {
            return "accepted: no accept_if";
        }
        List<String> passed = new ArrayList<>();
        if (accept.minConfidence() != null) {
            Double conf = confidence(local.detail());
            if (conf == null) {
                return "the local model reports no confidence";
            }
            String c = String.format(Locale.ROOT, "confidence %.2f", conf);
            if (conf < accept.minConfidence()) {
                return c + " < " + accept.minConfidence();
            }
            passed.add(c + " ≥ " + accept.minConfidence());
        }
        if (accept.regex() != null) {
            boolean found;
            try {
                found = SafeRegex.find(ConditionEvaluator.pattern(accept.regex(), false), run.outputText(),
                        SafeRegex.DEFAULT_LIMIT_NANOS);
            } catch (RuntimeException e) {
                return "accept_if regex failed: " + e.getMessage();
            }
            if (!found) {
                return "the answer does not match /" + accept.regex() + "/";
            }
            passed.add("answer matches /" + accept.regex() + "/");
        }
        if (accept.maxTokens() != null) {
            long tokens = run.metrics().outputTokens() != null ? run.metrics().outputTokens()
                    : TokenEstimator.approx(run.outputText());
            if (tokens > accept.maxTokens()) {
                return "answer has " + tokens + " tokens > " + accept.maxTokens();
            }
            passed.add(tokens + " tokens ≤ " + accept.maxTokens());
        }
        return "accepted: " + String.join(", ", passed);
    }

    private static Double confidence(String detail) {
        try {
            JsonNode n = PolicyJson.mapper().readTree(detail == null ? "{}" : detail);
            JsonNode c = n.get("confidence");
            return c != null && c.isNumber() ? c.asDouble() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
