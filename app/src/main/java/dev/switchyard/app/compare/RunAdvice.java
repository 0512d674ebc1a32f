package dev.switchyard.app.compare;

import dev.switchyard.app.models.RunLimits;
import dev.switchyard.app.models.TimeLimits;
import dev.switchyard.app.models.TimeLimits.Limit;
import dev.switchyard.cloud.Timeouts;
import java.time.Duration;
import java.util.Locale;

/** What a user can do after a run ended without a full answer, by failure kind (RunFailure / RunError kind). */
public final class RunAdvice {

    private RunAdvice() {
    }

    /** One sentence, never null; a timed-out run's names the model only as "the model". */
    public static String whatToDo(String kind) {
        return whatToDo(kind, null, null);
    }

    /**
     * One sentence, never null. For a run that hit a time limit it says where that limit is changed — Models → the
     * model → Time limits, or {@code switchyard models set-timeouts} — naming {@code model} (its display name; null:
     * "the model") and, when {@code limits} (the model's time limits, null: unknown) are given, the limit it hit.
     */
    public static String whatToDo(String kind, String model, Timeouts limits) {
        return whatToDo(kind, model, limits, Tense.NOW);
    }

    /**
     * As {@link #whatToDo(String, String, Timeouts)} with the limits {@code run} ran with, as stored with it
     * ({@link RunLimits#of}; null: unknown): for a run shown again from the workspace ({@code reopened}: a comparison
     * opened from History) they are named as the run's ("(60 s when it ran)"), not as today's — they may have changed
     * since — and a run that did not record them is told so rather than given a limit it may never have had.
     */
    public static String whatToDo(String kind, String model, RunLimits run, boolean reopened) {
        Tense tense = !reopened ? Tense.NOW : run != null && !run.recorded() ? Tense.NOT_RECORDED : Tense.WHEN_IT_RAN;
        return whatToDo(kind, model, run == null ? null : run.limits(), tense);
    }

    /**
     * How a limit's value is named: the model's now (a run just made with it), the one a stored run ran with, or not at
     * all for a stored run that did not record its limits.
     */
    private enum Tense { NOW, WHEN_IT_RAN, NOT_RECORDED }

    private static String whatToDo(String kind, String model, Timeouts limits, Tense tense) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        String ref = model == null ? "<model>" : model.matches("[\\w./:@-]+") ? model : "\"" + model + "\"";
        String timeLimit = timeLimit(k, limits, " in Models → " + (model == null ? "the model" : model) + " → Time limits, or",
                model == null ? "the model's " : "its ", ref, "", tense);
        return timeLimit != null ? timeLimit : general(k);
    }

    /** "first-token limit". */
    private static String what(Limit limit) {
        return limit.label().toLowerCase(Locale.ROOT).replace(' ', '-') + " limit";
    }

    /**
     * The advice for a run that hit a time limit, for a terminal: the limit raised with {@code switchyard models
     * set-timeouts <modelRef> … <tail>} alone, without the window's place for it; null for any other kind.
     *
     * @param modelRef the model as the command names it, ready for a shell ("Gate/slow-model")
     * @param limits   the model's time limits, null: unknown
     * @param tail     what the command ends with (" -w team.switchyard"), "" for nothing
     */
    public static String timeLimitInTerminal(String kind, String modelRef, Timeouts limits, String tail) {
        return timeLimit(kind == null ? "" : kind.toLowerCase(Locale.ROOT), limits, "", "its ", modelRef, tail, Tense.NOW);
    }

    private static String timeLimit(String k, Timeouts limits, String where, String whose, String ref, String tail,
                                    Tense tense) {
        return switch (k) {
            case "first_token_timeout" -> raise(Limit.FIRST_TOKEN, limits, "If it is only slow to start (a gateway "
                    + "loading a large model on its first request), ", " Otherwise run again later or pick a faster model.",
                    where, whose, ref, tail, tense);
            case "idle_timeout" -> raise(Limit.IDLE_GAP, limits, "If it pauses while it answers, ",
                    " Otherwise run again later or pick another model.", where, whose, ref, tail, tense);
            case "total_timeout" -> raise(Limit.TOTAL, limits, "For a long answer, ",
                    " Or lower " + (where.isEmpty() ? "--max-tokens" : "Max tokens") + ", or pick a faster model.",
                    where, whose, ref, tail, tense);
            default -> null;
        };
    }

    private static String general(String k) {
        return switch (k) {
            case "cancelled" -> "You stopped this run; the answer so far stays here and in History.";
            case "authentication", "unavailable" -> "Check the provider's key in Models and providers, then run again.";
            case "rate_limited" -> "Wait as long as the provider asks, or lower Repeat, then run again.";
            case "quota_exceeded" -> "Add credit or raise the quota in the provider's account, or pick another provider's model.";
            case "network", "connect_timeout" -> "Check the network connection and the provider's base URL, then run again.";
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

    /**
     * "If it is only slow to start …, raise its first-token limit (now 60 s) in Models → GPT-4o mini → Time limits, or
     * with: switchyard models set-timeouts "GPT-4o mini" --first-token 2min. Otherwise …" ({@code where}: the window's
     * place, " in Models → … → Time limits, or"; "" in a terminal). The limit is doubled within what Time limits and
     * {@code set-timeouts} accept ({@link #raised}); a first-token or idle-gap limit raised past the total limit raises
     * that too, as neither accepts one longer than the total.
     */
    private static String raise(Limit limit, Timeouts limits, String when, String otherwise, String where, String whose,
                                String ref, String tail, Tense tense) {
        Duration now = limits == null ? null : limit.of(limits);
        String what = what(limit);
        if (tense == Tense.NOT_RECORDED && !where.isEmpty()) {
            // no value to double: today's limit may not be the one it stopped at
            return when + "raise " + whose + what + where.substring(0, where.length() - ", or".length()) + " ("
                    + RunLimits.NOT_RECORDED_TEXT + " for this run)." + otherwise;
        }
        if (now != null && now.compareTo(limit.max()) >= 0) {
            return "Its " + what + " (" + TimeLimits.format(now) + (tense == Tense.NOW ? "" : " when it ran")
                    + ") is already the longest allowed; run again later or pick another model.";
        }
        Duration longer = raised(limit, now);
        String command = limit.option() + " " + TimeLimits.format(longer).replace(" ", "");
        String also = "";
        if (limits != null && limit != Limit.TOTAL && longer.compareTo(limits.total()) > 0) {
            also = " and its total limit (" + was(limits.total(), tense) + ") to " + TimeLimits.format(longer);
            command += " " + Limit.TOTAL.option() + " " + TimeLimits.format(longer).replace(" ", "");
        }
        return when + "raise " + whose + what + (now == null ? "" : " (" + was(now, tense) + ")") + also
                + where + " with: switchyard models set-timeouts " + ref + " " + command + tail + "." + otherwise;
    }

    /** "now 60 s" (a run just made), "60 s when it ran" (a stored run's). */
    private static String was(Duration d, Tense tense) {
        return tense == Tense.NOW ? "now " + TimeLimits.format(d) : TimeLimits.format(d) + " when it ran";
    }

    /**
     * {@code now} doubled (unknown: the general default doubled), kept within the limit's bounds — at least its minimum
     * (1 s), at most its maximum — so the command it is given in is one {@code set-timeouts} accepts.
     */
    static Duration raised(Limit limit, Duration now) {
        Duration longer = (now == null ? limit.of(Timeouts.DEFAULT) : now).multipliedBy(2);
        if (longer.compareTo(limit.min()) < 0) {
            return limit.min();
        }
        return longer.compareTo(limit.max()) > 0 ? limit.max() : longer;
    }
}
