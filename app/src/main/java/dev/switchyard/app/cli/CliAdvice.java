package dev.switchyard.app.cli;

import dev.switchyard.app.compare.RunAdvice;
import dev.switchyard.app.models.CliFix;
import dev.switchyard.app.models.LocalModelSettings;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import java.util.Locale;

/**
 * What to do after a run that ended without a full answer, for a terminal: {@link RunAdvice}'s sentence (what the
 * compare pane shows) with the window's places — Models and providers, Models → Local models, a model's Time limits,
 * Repeat, History — replaced by the commands that do the same. A local model refused for its files already has its
 * command in {@code cli_fix} ({@link CliFix}); its advice does not repeat it.
 */
final class CliAdvice {

    private CliAdvice() {
    }

    /**
     * One sentence for a run of {@code m} that failed with {@code errorKind} (null: none recorded); {@code cliFix} the
     * run's fix command or null.
     */
    static String forRun(String errorKind, Model m, Workspace ws, ModelDirectory directory, String cliFix) {
        return forRun(errorKind, m, ws, directory, cliFix, null);
    }

    /**
     * As {@link #forRun(String, Model, Workspace, ModelDirectory, String)}; {@code ranWith}: the time limits the run
     * stored ({@code RunLimits}), named rather than the model's of now; null: not recorded, the model's are named.
     */
    static String forRun(String errorKind, Model m, Workspace ws, ModelDirectory directory, String cliFix,
                         dev.switchyard.cloud.Timeouts ranWith) {
        String kind = errorKind == null ? "" : errorKind.toLowerCase(Locale.ROOT);
        String w = CliFix.workspaceOption(ws);
        String limit = RunAdvice.timeLimitInTerminal(kind, CliFix.quote(directory.qualifiedName(m)),
                m.kind() != ModelKind.CLOUD ? null : ranWith != null ? ranWith : directory.timeouts(m), w);
        if (limit != null) {
            return limit;
        }
        String providers = "switchyard providers list" + w;
        return switch (kind) {
            case "cancelled" -> "You stopped this run; the answer so far is kept with it in the workspace "
                    + "(switchyard history export --status cancelled --format csv -o <file>" + w + ").";
            case "authentication", "unavailable" -> "Check the provider's key (" + providers + " shows where it lives), "
                    + "or give it one with: switchyard providers set-key " + provider(ws, m) + " --keyring" + w
                    + " (or --key-ref env:VAR); then run again.";
            case "rate_limited" -> "Wait as long as the provider asks, or lower --repeat, then run again.";
            case "network", "connect_timeout" -> "Check the network connection and the provider's base URL ("
                    + providers + "), then run again.";
            case "bad_request" -> "Check the model name and the parameters (--temperature, --top-p, --stop…).";
            case "malformed_response" -> "Run again; if it keeps happening, check that the provider's base URL ("
                    + providers + ") is its OpenAI-compatible (or Anthropic) API.";
            case "model_not_found" -> m.kind() == ModelKind.CLOUD
                    ? "Check the model's name against the provider's own list (switchyard providers models "
                            + provider(ws, m) + w + ") and the provider's base URL (" + providers + ")."
                    : files(w);
            case "model_files_changed", "corrupt_model" -> files(w);
            case "not_onnx", "config_invalid", "tokenizer_mismatch" -> local(m)
                    ? replace(m, ws) : "Run again; if it keeps failing, pick another model.";
            case "not_a_decoder", "unsupported_model" -> local(m)
                    ? capitalized(another(m, ws)) + ", or pick another model." : "Pick another model.";
            case "worker_crashed" -> local(m) ? "Run again; if it crashes again, " + another(m, ws)
                    + ", or pick another model." : "Run again; if it crashes again, pick another model.";
            case "quota_exceeded", "context_too_long", "prompt_too_long", "stream_broken", "server", "content_filtered",
                 "out_of_memory" -> RunAdvice.whatToDo(kind); // no place of the window in them
            default -> "Run again; if it keeps failing, look at its runs: switchyard history export --model "
                    + CliFix.quote(directory.qualifiedName(m)) + " --format json -o <file>" + w + ".";
        };
    }

    /** A local model refused for its files: {@code cli_fix} names the command; this says what comes after it. */
    private static String files(String w) {
        return "Run again once its files are fixed; switchyard models list" + w + " shows whether they are ready.";
    }

    private static boolean local(Model m) {
        return m.kind() == ModelKind.LOCAL_GENERATIVE;
    }

    /** Files the engine refused although they are as recorded: downloaded anew, or a complete copy imported again. */
    private static String replace(Model m, Workspace ws) {
        LocalModelSettings s = LocalModelSettings.of(m);
        String w = CliFix.workspaceOption(ws);
        if (s.catalogId() != null) {
            // as recorded, so a download alone would keep them: deleted first
            return "Download the model again: switchyard models remove " + CliFix.quote(m.apiModelId())
                    + " --delete-files" + CliFix.modelsDirOption(s) + w + ", then " + CliFix.downloadCommand(s, ws) + ".";
        }
        return "Import a complete copy of its folder into the same row: switchyard models import <folder> --id "
                + CliFix.quote(m.apiModelId()) + (s.variant() == null ? "" : " --variant " + CliFix.quote(s.variant()))
                + w + ".";
    }

    /** "download another precision of it (…)" / "import another ONNX file of its folder as its own model (…)". */
    private static String another(Model m, Workspace ws) {
        LocalModelSettings s = LocalModelSettings.of(m);
        String w = CliFix.workspaceOption(ws);
        if (s.catalogId() != null) {
            return "download another precision of it (switchyard models catalog lists them; switchyard models download "
                    + CliFix.quote(s.catalogId()) + " --precision <p>" + w + ")";
        }
        return "import another ONNX file of its folder as its own model (switchyard models import "
                + CliFix.quote(s.path().toAbsolutePath().normalize().toString()) + " --variant <file>" + w + ")";
    }

    /** The provider as {@code providers set-key} finds it: its name, or its uid when another has the same name. */
    private static String provider(Workspace ws, Model m) {
        Provider p = ws.providers().get(m.providerId()).orElse(null);
        if (p == null) {
            return "<provider>";
        }
        long same = ws.providers().list().stream().filter(o -> o.name().equalsIgnoreCase(p.name())).count();
        return CliFix.quote(same > 1 ? p.uid() : p.name());
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
