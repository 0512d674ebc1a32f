package dev.switchyard.cloud.internal;

import dev.switchyard.cloud.ChatRequest;
import dev.switchyard.cloud.ChatResult;
import dev.switchyard.cloud.RunStatus;
import dev.switchyard.cloud.Timings;
import dev.switchyard.cloud.Usage;
import dev.switchyard.cloud.tokens.TokenEstimator;

/** Turns what a run collected into a {@link ChatResult}: usage (reported or estimated) and timings. */
final class ResultBuilder {

    private ResultBuilder() {
    }

    static ChatResult build(RunStatus status, ChatRequest req, String text, String reasoning, boolean reasoningSeen,
                            String finishReason, UsageParts u, String serverModel, int attempts,
                            long startNanos, long firstNanos, long lastNanos, long endNanos) {
        Usage usage = usage(req, text, reasoning, u);
        Double ttft = firstNanos == 0 ? null : (firstNanos - startNanos) / 1e6;
        double total = (endNanos - startNanos) / 1e6;
        Double tps = null;
        // Hidden reasoning tokens (o1/o3) are generated before the first visible token: leave them out.
        int decoded = usage.outputTokens() - (reasoningSeen ? 0 : usage.reasoningTokens());
        long span = lastNanos - firstNanos;
        if (firstNanos != 0 && decoded >= 2 && span > 0) {
            tps = (decoded - 1) / (span / 1e9);
        }
        return new ChatResult(status, text, reasoning, finishReason, usage, new Timings(ttft, total, tps),
                attempts, serverModel != null ? serverModel : req.model());
    }

    static Usage usage(ChatRequest req, String text, String reasoning, UsageParts u) {
        TokenEstimator est = TokenEstimator.shared();
        String enc = TokenEstimator.resolve(req.capabilities().tokenizerEncoding(), req.model());
        boolean estimated = false;
        int input;
        if (u.input != null) {
            input = u.input;
        } else {
            input = est.countChat(Messages.foldSystemIfUnsupported(req.messages(),
                    req.capabilities().supportsSystemPrompt()), enc);
            estimated = true;
        }
        int reasoningEstimate = est.count(reasoning, enc);
        int output;
        if (u.output != null) {
            output = u.output;
        } else {
            output = est.count(text, enc) + reasoningEstimate;
            estimated = true;
        }
        int reasoningTokens;
        if (u.reasoning != null) {
            reasoningTokens = u.reasoning;
        } else {
            // Anthropic reports no thinking count: the estimate of the thinking text, capped by output.
            reasoningTokens = Math.min(reasoningEstimate, output);
        }
        int cached = u.cached == null ? 0 : u.cached;
        int write = u.cacheWrite == null ? 0 : u.cacheWrite;
        return new Usage(input, cached, write, output, reasoningTokens, estimated);
    }
}
