package dev.switchyard.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the Compare screen was set to when the user left a workspace: the prompt as typed (name, the saved version it
 * came from, texts, variable values, parameters), the picked models in pick order, repeat and blind. Kept in the
 * workspace's settings under {@link #SETTING}, so closing the app or opening another workspace loses no draft, and the
 * draft stays with the workspace it was written for.
 *
 * @param promptName the prompt's name as typed ("" for none)
 * @param versionId  the saved version the editor was loaded from, null for a new prompt
 * @param prompt     texts, variable values and parameters
 * @param picked     the picked choices' keys ("model:12", "policy:tiered"), in pick order
 * @param repeat     the repeat count
 * @param blind      blind mode
 */
public record CompareDraft(String promptName, Long versionId, PromptDraft prompt, List<String> picked, int repeat,
                           boolean blind) {

    /** The workspace setting that holds the draft (JSON). */
    public static final String SETTING = "compare.draft";

    private static final ObjectMapper JSON = new ObjectMapper();

    public CompareDraft {
        promptName = promptName == null ? "" : promptName;
        prompt = prompt == null ? new PromptDraft("", "", null, null) : prompt;
        picked = picked == null ? List.of() : List.copyOf(picked);
        repeat = Math.max(1, repeat);
    }

    /** Stores the draft in {@code ws}'s settings. */
    public void save(Workspace ws) {
        ws.settings().put(SETTING, toJson());
    }

    /** The draft stored in {@code ws}, if any; an unreadable one counts as none (it is only a convenience). */
    public static Optional<CompareDraft> load(Workspace ws) {
        return ws.settings().get(SETTING).flatMap(CompareDraft::fromJson);
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("promptName", promptName);
        n.put("versionId", versionId);
        n.put("system", prompt.system());
        n.put("user", prompt.user());
        n.set("variables", JSON.valueToTree(prompt.variables()));
        n.set("parameters", JSON.valueToTree(prompt.params().asMap()));
        n.set("picked", JSON.valueToTree(picked));
        n.put("repeat", repeat);
        n.put("blind", blind);
        return n.toString();
    }

    public static Optional<CompareDraft> fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                return Optional.empty();
            }
            List<String> picked = new ArrayList<>();
            n.path("picked").forEach(p -> picked.add(p.asText()));
            PromptDraft prompt = new PromptDraft(n.path("system").asText(""), n.path("user").asText(""),
                    PromptDraft.read(n.path("variables").toString()),
                    ParamsText.fromMap(PromptDraft.read(n.path("parameters").toString())));
            Long version = n.hasNonNull("versionId") ? n.get("versionId").asLong() : null;
            return Optional.of(new CompareDraft(n.path("promptName").asText(""), version, prompt, picked,
                    n.path("repeat").asInt(1), n.path("blind").asBoolean(false)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
