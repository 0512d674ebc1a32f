package dev.switchyard.app.history;

import dev.switchyard.app.compare.PromptDraft;
import dev.switchyard.app.compare.PromptTemplate;
import dev.switchyard.app.engine.EngineRequest;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Comparison;
import dev.switchyard.workspace.model.Prompt;
import dev.switchyard.workspace.model.PromptVersion;
import dev.switchyard.workspace.model.Run;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each run was asked, for reading and export. A run stores its prompt as one text — the system message, a blank
 * line, the user message ({@code EngineRequest.promptText}) — and, since schema version 5, the system message it was
 * sent ({@code Run.systemText}, {@code ""} for none): the split is then exact. For a run stored before (no system
 * message recorded) the system message is recognised when it is the saved version's the run's comparison names
 * (variables filled in) or, for a run of an edited draft, any saved version's; otherwise the whole text counts as the
 * user message. Its comparison names the saved prompt version it ran when the prompt ran unchanged.
 * Loaded once per page or export; comparisons are looked up once each. Not thread-safe.
 */
public final class RunPrompts {

    /**
     * A run's prompt: the saved prompt's name and version number (null when the run did not come from a saved
     * version), its system message (null when there was none or it is not known) and its user message.
     */
    public record RunPrompt(String name, Integer version, String system, String user) {
    }

    private record Saved(String name, int number, String system) {
    }

    private static final String SEPARATOR = EngineRequest.SEPARATOR;

    private final Workspace workspace;
    private final Map<Long, Saved> versions = new HashMap<>();
    private final List<String> systems;
    private final Map<Long, Long> versionOfComparison = new HashMap<>();

    private RunPrompts(Workspace workspace) {
        this.workspace = workspace;
        for (Prompt p : workspace.prompts().list()) {
            for (PromptVersion v : workspace.prompts().versions(p.id())) {
                PromptDraft d = PromptDraft.of(v);
                String system = PromptTemplate.render(d.system(), d.variables());
                versions.put(v.id(), new Saved(p.name(), v.version(), system == null || system.isBlank() ? null : system));
            }
        }
        systems = versions.values().stream().map(Saved::system).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The saved prompts of {@code workspace} as they are now. */
    public static RunPrompts of(Workspace workspace) {
        return new RunPrompts(workspace);
    }

    public RunPrompt of(Run run) {
        Saved saved = versions.get(versionId(run));
        String text = run.promptText();
        if (run.systemText() != null) {
            RunPrompt sent = recorded(run);
            return prompt(saved, sent.system(), sent.user());
        }
        if (saved != null && saved.system() != null && text.startsWith(saved.system() + SEPARATOR)) {
            return prompt(saved, saved.system(), userOf(text, saved.system()));
        }
        for (String system : systems) {
            if (text.startsWith(system + SEPARATOR)) {
                return prompt(saved, system, userOf(text, system));
            }
        }
        return prompt(saved, null, text);
    }

    /**
     * A run's system and user message as it recorded them, without saved prompts: exact when the run recorded its
     * system message, the whole text as the user message when it did not (a run stored before schema version 5).
     */
    public static RunPrompt recorded(Run run) {
        String system = run.systemText();
        return system == null ? new RunPrompt(null, null, null, run.promptText())
                : new RunPrompt(null, null, system.isEmpty() ? null : system, userOf(run.promptText(), system));
    }

    /** The user message of prompt text {@code text} sent with system message {@code system} (the whole text if none). */
    private static String userOf(String text, String system) {
        return !system.isEmpty() && text.startsWith(system + SEPARATOR) ? text.substring(system.length() + SEPARATOR.length())
                : text;
    }

    private static RunPrompt prompt(Saved saved, String system, String user) {
        return new RunPrompt(saved == null ? null : saved.name(), saved == null ? null : saved.number(), system, user);
    }

    private Long versionId(Run run) {
        if (run.promptVersionId() != null || run.comparisonId() == null) {
            return run.promptVersionId();
        }
        if (!versionOfComparison.containsKey(run.comparisonId())) {
            versionOfComparison.put(run.comparisonId(), workspace.comparisons().get(run.comparisonId())
                    .map(Comparison::promptVersionId).orElse(null));
        }
        return versionOfComparison.get(run.comparisonId());
    }
}
