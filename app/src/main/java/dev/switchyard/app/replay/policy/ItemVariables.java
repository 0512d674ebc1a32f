package dev.switchyard.app.replay.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.workspace.model.DatasetItem;

/** An item's variables as a JSON object (empty when unreadable). */
final class ItemVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemVariables() {
    }

    static JsonNode of(DatasetItem item) {
        try {
            JsonNode n = JSON.readTree(item.variablesJson());
            return n != null && n.isObject() ? n : JSON.createObjectNode();
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
