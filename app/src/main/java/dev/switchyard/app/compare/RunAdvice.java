package dev.switchyard.app.compare;

import java.util.Locale;

/** What a user can do after a run ended without a full answer, by failure kind (RunFailure / RunError kind). */
public final class RunAdvice {

    private RunAdvice() {
    }

    /** One sentence, never null. */
    public static String whatToDo(String kind) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "cancelled" -> "You stopped this run; the answer so far stays here and in History.";
            case "authentication", "unavailable" -> "Check the provider's key in Models and providers, then run again.";
            case "rate_limited", "quota_exceeded" -> "Wait a moment or lower Repeat, then run again; check the account's quota.";
            case "network", "connect_timeout" -> "Check the network connection and the provider's base URL, then run again.";
            case "first_token_timeout", "idle_timeout", "total_timeout" ->
                    "The model was too slow for its time limits; run again or raise the limits in Models and providers.";
            case "context_too_long" -> "Shorten the prompt or pick a model with a larger context window.";
            case "model_not_found", "bad_request" -> "Check the model name and the parameters (temperature, stop…).";
            case "stream_broken", "server" -> "The provider had a problem; run again in a moment.";
            case "content_filtered" -> "Rephrase the prompt; the provider's content filter stopped the answer.";
            default -> "Run again; if it keeps failing, look at the run in History.";
        };
    }
}
