package dev.switchyard.app.models;

import dev.switchyard.local.catalog.CatalogException;
import dev.switchyard.local.catalog.CatalogModel;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Run;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The command that fixes a local generative model whose files changed or went missing, for a failure the CLI reports
 * (the stored message names the Models screen's actions, which a terminal user does not have at hand): a catalog model
 * is downloaded again, an imported folder imported again into its own row ({@code --id}), or removed. The CLI prints it;
 * an export — the command line's and the window's (History, Replay) — keeps it as {@code cli_fix}, for whoever reads
 * the file in a terminal.
 */
public final class CliFix {

    /** The failure kinds of a run refused because of its files (LocalModelEngine.refusalKind). */
    private static final Set<String> FILE_KINDS = Set.of("model_not_found", "model_files_changed", "corrupt_model");

    private CliFix() {
    }

    /** The command for a run that failed with {@code errorKind} on {@code m}, or null when none applies. */
    public static String forRun(Model m, String errorKind, Workspace ws) {
        if (m.kind() != ModelKind.LOCAL_GENERATIVE || errorKind == null || !FILE_KINDS.contains(errorKind)) {
            return null;
        }
        LocalModelHealth.State state = "model_not_found".equals(errorKind) ? LocalModelHealth.State.FOLDER_MISSING
                : LocalModelHealth.State.FILES_CHANGED;
        return forModel(m, state, ws);
    }

    /**
     * {@link #forRun} for many stored runs (a history export, a replay's answers): each model and failure kind worked
     * out once; null for a run without an error.
     */
    public static Function<Run, String> cached(Workspace ws) {
        Map<String, Optional<String>> fixes = new HashMap<>();
        return r -> r.error() == null ? null : fixes.computeIfAbsent(r.modelId() + "\n" + r.error().kind(),
                k -> ws.models().get(r.modelId()).map(m -> forRun(m, r.error().kind(), ws))).orElse(null);
    }

    /** {@link #cached} by run id (a replay's answers name their runs). */
    public static java.util.function.LongFunction<String> forRunId(Workspace ws) {
        Function<Run, String> fixes = cached(ws);
        return id -> ws.runs().get(id).map(fixes).orElse(null);
    }

    /**
     * "switchyard models download smollm2-135m-instruct --precision fp16 --mirror http://mirror.lan/", "switchyard
     * models import /models/tiny --id tiny", …: one sentence; null when {@code state} is OK.
     */
    public static String forModel(Model m, LocalModelHealth.State state, Workspace ws) {
        if (state == LocalModelHealth.State.OK) {
            return null;
        }
        LocalModelSettings s = LocalModelSettings.of(m);
        String w = workspaceOption(ws);
        if (s.catalogId() != null) {
            return "From the command line: " + downloadCommand(s, ws) + ".";
        }
        String again = " --id " + quote(m.apiModelId()) + (s.variant() == null ? "" : " --variant " + quote(s.variant())) + w;
        String remove = "switchyard models remove " + quote(m.apiModelId()) + w;
        if (state == LocalModelHealth.State.FOLDER_MISSING) {
            return "From the command line: switchyard models import <where the folder is now>" + again + ", or "
                    + remove + ".";
        }
        return "From the command line, once its files are complete: switchyard models import "
                + quote(s.path().toAbsolutePath().normalize().toString()) + again + " (imports it again into the same "
                + "row), or " + remove + ".";
    }

    /**
     * "switchyard models download smollm2-135m-instruct [--precision p] [--mirror URL] [--models-dir D] [-w F]": the
     * command that downloads a catalog model's row ({@code s.catalogId()} set) again, from the mirror it came from.
     */
    public static String downloadCommand(LocalModelSettings s, Workspace ws) {
        StringBuilder cmd = new StringBuilder("switchyard models download ").append(quote(s.catalogId()));
        try {
            CatalogModel entry = LocalModelManager.catalog().require(s.catalogId());
            String precision = LocalModelManager.precisionOf(entry, s.variant());
            if (!precision.equals(entry.recommendedPrecision().id())) {
                cmd.append(" --precision ").append(quote(precision));
            }
        } catch (CatalogException | RuntimeException e) {
            // no longer in the shipped catalog: the command without a precision still says what to do
        }
        if (s.mirror() != null) { // downloaded from a mirror (kept with the row): from there again
            cmd.append(" --mirror ").append(quote(s.mirror()));
        }
        return cmd + modelsDirOption(s) + workspaceOption(ws);
    }

    /** " --models-dir D" when a download lives in a models dir other than the default one, else "". */
    public static String modelsDirOption(LocalModelSettings s) {
        // a download lives in <models dir>/models/<folder>
        Path parent = s.path().toAbsolutePath().normalize().getParent();
        Path root = parent != null && parent.getParent() != null && "models".equals(String.valueOf(parent.getFileName()))
                ? parent.getParent() : null;
        return root != null && !root.equals(LocalModelManager.defaultModelsRoot().toAbsolutePath().normalize())
                ? " --models-dir " + quote(root.toString()) : "";
    }

    /** " -w <file>" when the workspace is not the default one, else "". */
    public static String workspaceOption(Workspace ws) {
        if (ws == null || ws.file() == null) {
            return "";
        }
        Path f = ws.file().toAbsolutePath().normalize();
        return f.equals(Workspace.defaultFile().toAbsolutePath().normalize()) ? "" : " -w " + quote(f.toString());
    }

    /** A shell word: as it is when it has no space or quote, else in single quotes. */
    public static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
