package dev.switchyard.app.history;

import dev.switchyard.app.compare.PromptDraft;
import dev.switchyard.app.compare.PromptTemplate;
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
 * line, the user message ({@code EngineRequest.promptText}) — and its comparison names the saved prompt version it
 * ran when the prompt ran unchanged. The system message is recognised when it is that version's (variables filled
 * in) or, for a run of an edited draft, any saved version's; otherwise the whole text counts as the user message.
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

    private static final String SEPARATOR = "\n\n";

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
        if (saved != null && saved.system() != null && text.startsWith(saved.system() + SEPARATOR)) {
            return new RunPrompt(saved.name(), saved.number(), saved.system(), text.substring(saved.system().length() + 2));
        }
        for (String system : systems) {
            if (text.startsWith(system + SEPARATOR)) {
                return prompt(saved, system, text.substring(system.length() + 2));
            }
        }
        return prompt(saved, null, text);
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
