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
            case "rate_limited" -> "Wait as long as the provider asks, or lower Repeat, then run again.";
            case "quota_exceeded" -> "Add credit or raise the quota in the provider's account, or pick another provider's model.";
            case "network", "connect_timeout" -> "Check the network connection and the provider's base URL, then run again.";
            // no screen sets a model's time limits: the advice must not send the user looking for one
            case "first_token_timeout", "idle_timeout", "total_timeout" ->
                    "The model was too slow for its time limits; run again later or pick a faster model.";
            case "context_too_long", "prompt_too_long" -> "Shorten the prompt or pick a model with a larger context window.";
            case "model_not_found" -> "Check the model in Models and providers: its name and the provider's base URL, "
                    + "or a local model's folder.";
            case "bad_request" -> "Check the model name and the parameters (temperature, stop…).";
            case "stream_broken", "server" -> "The provider had a problem; run again in a moment.";
            case "malformed_response" -> "Run again; if it keeps happening, check that the provider's base URL is its "
                    + "OpenAI-compatible (or Anthropic) API.";
            case "content_filtered" -> "Rephrase the prompt; the provider's content filter stopped the answer.";
            // a local model's files: running again gives the same answer
            case "not_onnx", "corrupt_model", "config_invalid", "tokenizer_mismatch" ->
                    "Download the model again, or import a complete copy of its folder in Models → Local models.";
            // refused before loading: the sentence says which files changed; Models → Local models fixes it
            case "model_files_changed" -> "Models → Local models shows the model's files and what fixes them; "
                    + "run again once they are complete.";
            case "not_a_decoder", "unsupported_model" ->
                    "Pick another file of this model in Models → Local models, or another model.";
            case "out_of_memory" -> "Close other programs or pick a smaller model or precision, then run again.";
            case "worker_crashed" -> "Run again; if it crashes again, pick another precision or model in Models → Local models.";
            default -> "Run again; if it keeps failing, look at the run in History.";
        };
    }
}
