package dev.switchyard.app.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses stored JSON text for output (unreadable text is printed as a string). */
final class CliJson {

    private CliJson() {
    }

    static JsonNode parse(String json) {
        try {
            return json == null ? CliContext.JSON.nullNode() : CliContext.JSON.readTree(json);
        } catch (Exception e) {
            return CliContext.JSON.getNodeFactory().textNode(json);
        }
    }
}
