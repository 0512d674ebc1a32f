package dev.switchyard.app.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.model.Model;
import java.time.Instant;
import java.util.List;

/**
 * Models the user removed while runs or prices still refer to them (README decision 34). The row stays, so History,
 * exports and stored comparisons keep reading its name, but the lists of models to use — Compare's picker, the policy
 * designer's targets, Get started, the Models screen — leave it out. The mark is a {@code removedAt} field in the row's
 * settings JSON, so workspace exports and imports carry it without a schema change; adding the same model again (a
 * cloud model by its id, a local one by import or download into its row) brings the row back with its history.
 */
public final class RemovedModels {

    static final String FIELD = "removedAt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RemovedModels() {
    }

    /** True when the user removed {@code model} and its row stays only for its runs and prices. */
    public static boolean isRemoved(Model model) {
        if (!model.settingsJson().contains(FIELD)) {
            return false; // the cheap test first: pickers ask for every model at every refresh
        }
        return settings(model).hasNonNull(FIELD);
    }

    /** The models of {@code models} that are not removed, in their order. */
    public static List<Model> inUse(List<Model> models) {
        return models.stream().filter(m -> !isRemoved(m)).toList();
    }

    /**
     * Removes {@code model} from {@code ws}: deletes its row, or — when runs or prices refer to it — marks it removed.
     * Returns true when the row was deleted.
     */
    public static boolean remove(Workspace ws, Model model, Instant at) {
        try {
            ws.models().delete(model.id());
            return true;
        } catch (WorkspaceException e) {
            if (e.kind() != WorkspaceException.Kind.CONFLICT) {
                throw e;
            }
            ws.models().update(markRemoved(model, at));
            return false;
        }
    }

    /** {@code model} marked removed at {@code at} (its other settings kept). */
    public static Model markRemoved(Model model, Instant at) {
        ObjectNode s = settings(model);
        s.put(FIELD, at.toString());
        return model.withSettings(s.toString());
    }

    /** {@code model} without the mark. */
    public static Model restored(Model model) {
        ObjectNode s = settings(model);
        s.remove(FIELD);
        return model.withSettings(s.toString());
    }

    private static ObjectNode settings(Model model) {
        try {
            JsonNode n = JSON.readTree(model.settingsJson());
            return n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
